-- index-ops: a fragment, joined in front of create.lua, update.lua and merge.lua (see RedisScripts), after
-- index-bitmaps.lua (indexBits, setIndexBit, isIndexBitmap, wrongType).
--
-- applyIndexOps(p, n, at): ARGV[at] is a count of operations that follow it, three arguments each (op, key, score),
-- applied to ticket number n (TicketMemberships writes them):
--   z+ key score   ZADD {p}key score n (score '' is n itself); for an index bitmap (isIndexBitmap, score ''), bit n set
--   z- key         ZREM {p}key n; for an index bitmap, bit n cleared
--   t+ token       n joins the token's tickets (below), and the token enters {p}vocab (score 0: a lexicographic
--                  vocabulary) with its first ticket
--   t- token       n leaves them; the token leaves {p}vocab with its last ticket
-- Returns the position after them.
--
-- addTicket(p, n, at): the sets and tokens of a new ticket n, as create.lua gets them (TicketMemberships.PutAdded):
-- ARGV[at] is a count of sets that follow it, two arguments each (key, score: as z+), then one argument holding every
-- token (each as t+), separated by spaces (no token holds one). Returns the position after them.
--
-- Each sort zset {p}sort:{x} has a dense copy of its scores, {p}sort:{x}:at: a string of 64-bit signed integers, the
-- score of ticket n at the n-th (0: not in the zset), so search.lua reads the order of many tickets in one
-- BITFIELD_RO without a hash lookup per ticket (8 bytes per ticket number).
--
-- A token only one ticket has (most codes, addresses, host names) has no key of its own: its vocabulary entry is the
-- token, U+0001 and the number ("single entry"; no token holds a control character, and the entries of a token sort
-- right after it, so a prefix range finds them as it finds the token). Its second ticket turns the entry into the
-- token and the set {p}w:token of both numbers; a set that loses tickets stays a set. A key and its set cost about
-- 120 B more than the entry.
-- {p}w:token is a set of ticket numbers while the token is rare; once it holds bitmapThreshold tickets it becomes a
-- bitmap (a string, bit n set for ticket n) and stays one: a frequent token costs N/8 bytes instead of about 46 bytes
-- per ticket, and search.lua combines bitmaps with BITOP. The threshold is {p}search:bitmap-from (default 1024; tests
-- lower it), and never below a 256th of the tickets so far, where a bitmap is smaller than the set it replaces. A set
-- converts when it reaches the threshold; of the sets already past it (grown before bitmaps existed), one call
-- converts at most one, so their larger cost is spread over calls.
--
-- {p}search:bitmaps names the tokens whose key is a bitmap, so one SMISMEMBER tells the form of every token of a
-- call (a TYPE per token had been a quarter of a ticket's creation). A key of the other form than named (a bitmap
-- made before that set existed) answers the command tried on it with WRONGTYPE; the name is then put right and the
-- other command runs.
local function bitmapThreshold(p, size, state)
  state.from = state.from or tonumber(redis.call('GET', p .. 'search:bitmap-from') or '') or 1024
  if size < state.from then
    return state.from
  end
  state.threshold = state.threshold or math.max(state.from, math.floor(indexBits('BITCOUNT', p .. 'index:all') / 256))
  return state.threshold
end

-- Whether each of tokens names a bitmap, by its index in tokens.
local function namedBitmaps(p, tokens)
  local bitmaps = {}
  for from = 1, #tokens, 500 do
    local upTo = math.min(from + 499, #tokens)
    local named = redis.call('SMISMEMBER', p .. 'search:bitmaps', unpack(tokens, from, upTo))
    for k = from, upTo do
      bitmaps[k] = named[k - from + 1] == 1
    end
  end
  return bitmaps
end

-- Whether each token op (t+/t-) of the operations from ARGV[at] names a bitmap, by its position.
local function bitmapTokens(p, at)
  local tokens, positions = {}, {}
  for k = 0, tonumber(ARGV[at]) - 1 do
    local i = at + 1 + 3 * k
    if ARGV[i] == 't+' or ARGV[i] == 't-' then
      tokens[#tokens + 1] = ARGV[i + 1]
      positions[#positions + 1] = i
    end
  end
  local bitmaps = {}
  for k, named in ipairs(namedBitmaps(p, tokens)) do
    bitmaps[positions[k]] = named
  end
  return bitmaps
end

-- The vocabulary entry of a token only ticket n has: the token, U+0001, the number (see the header).
local function singleEntry(token, n)
  return token .. '\1' .. n
end

-- The number of the one ticket a token has while it has no w: key (its single entry), or nil.
local function singleTicket(p, token)
  local entry = redis.call('ZRANGE', p .. 'vocab', '[' .. token .. '\1', '(' .. token .. '\2', 'BYLEX', 'LIMIT', 0, 1)[1]
  return entry and string.sub(entry, #token + 2)
end

local function addToken(p, token, n, bitmap, state)
  local word = p .. 'w:' .. token
  if bitmap then
    if not wrongType(redis.pcall('SETBIT', word, n, '1')) then
      return
    end
    redis.call('SREM', p .. 'search:bitmaps', token)
  end
  local size = redis.pcall('SCARD', word)
  if wrongType(size) then
    redis.call('SADD', p .. 'search:bitmaps', token)
    redis.call('SETBIT', word, n, '1')
    return
  end
  if size == 0 then
    -- No set: the token is new (it gets a single entry) or one other ticket has it (its entry becomes a set).
    local other = singleTicket(p, token)
    if other == nil then
      redis.call('ZADD', p .. 'vocab', 0, singleEntry(token, n))
      return
    end
    if other == n then
      return
    end
    redis.call('ZREM', p .. 'vocab', singleEntry(token, other))
    redis.call('ZADD', p .. 'vocab', 0, token)
    redis.call('SADD', word, other)
    size = 1
  end
  if redis.call('SADD', word, n) == 0 then
    return
  end
  size = size + 1
  local threshold = bitmapThreshold(p, size, state)
  if size == threshold or (size > threshold and not state.converted) then
    state.converted = state.converted or size > threshold
    local members = redis.call('SMEMBERS', word)
    redis.call('DEL', word)
    for _, member in ipairs(members) do
      redis.call('SETBIT', word, member, '1')
    end
    redis.call('SADD', p .. 'search:bitmaps', token)
  end
end

local function removeToken(p, token, n, bitmap)
  local word = p .. 'w:' .. token
  if bitmap then
    local was = redis.pcall('SETBIT', word, n, '0')
    if not wrongType(was) then
      if was == 1 and redis.call('BITPOS', word, '1') == -1 then
        redis.call('DEL', word)
        redis.call('ZREM', p .. 'vocab', token)
        redis.call('SREM', p .. 'search:bitmaps', token)
      end
      return
    end
    redis.call('SREM', p .. 'search:bitmaps', token)
  end
  local removed = redis.pcall('SREM', word, n)
  if wrongType(removed) then
    redis.call('SADD', p .. 'search:bitmaps', token)
    return removeToken(p, token, n, true)
  end
  if removed == 0 then
    redis.call('ZREM', p .. 'vocab', singleEntry(token, n))
  elseif redis.call('EXISTS', word) == 0 then
    redis.call('ZREM', p .. 'vocab', token)
  end
end

local function addToSet(p, key, score, n)
  if isIndexBitmap(key) then
    setIndexBit(p .. key, n, '1')
    return
  end
  redis.call('ZADD', p .. key, score, n)
  if string.sub(key, 1, 5) == 'sort:' then
    redis.call('BITFIELD', p .. key .. ':at', 'SET', 'i64', '#' .. n, score)
  end
end

local function applyIndexOps(p, n, at)
  -- Every argument a string: Lua formats a number given to redis.call anew each time (about 0.2 us each).
  n = tostring(n)
  local count = tonumber(ARGV[at])
  local bitmaps = bitmapTokens(p, at)
  local state = {converted = false}
  local i = at + 1
  for _ = 1, count do
    local op, key, score = ARGV[i], ARGV[i + 1], ARGV[i + 2]
    if op == 'z+' then
      addToSet(p, key, score, n)
    elseif op == 'z-' and isIndexBitmap(key) then
      setIndexBit(p .. key, n, '0')
    elseif op == 'z-' then
      redis.call('ZREM', p .. key, n)
      if string.sub(key, 1, 5) == 'sort:' then
        redis.call('BITFIELD', p .. key .. ':at', 'SET', 'i64', '#' .. n, '0')
      end
    elseif op == 't+' then
      addToken(p, key, n, bitmaps[i], state)
    elseif op == 't-' then
      removeToken(p, key, n, bitmaps[i])
    end
    i = i + 3
  end
  return i
end

local function addTicket(p, n, at)
  n = tostring(n)
  local i = at + 1
  for _ = 1, tonumber(ARGV[at]) do
    addToSet(p, ARGV[i], ARGV[i + 1], n)
    i = i + 2
  end
  local tokens = {}
  for token in string.gmatch(ARGV[i], '[^ ]+') do
    tokens[#tokens + 1] = token
  end
  local bitmaps = namedBitmaps(p, tokens)
  local state = {converted = false}
  for k, token in ipairs(tokens) do
    addToken(p, token, n, bitmaps[k], state)
  end
  return i + 1
end
