-- search: one page of a searched, filtered and sorted list. Every condition is a constraint. The query's words come
-- first: a word's tokens in bitmap form (index-ops.lua) are OR'ed into a temporary bitmap (with the few tickets of its
-- rare tokens), and the words are AND'ed into one bitmap constraint whose size is exact (BITOP, BITCOUNT). Then the
-- smallest positive constraint drives: when it holds few tickets (at most materializeLimit, and no more than a walk
-- of the sort index would examine to fill a page) they are read, checked against the other constraints in batches
-- (ZMSCORE), and the page is picked from them in order. Otherwise the sort index is walked from the cursor and each
-- ticket checked (cheapest, most selective constraint first), for as many tickets as a page should need; when that
-- budget runs out, the driver is read whole as above, or, with no bitmap among the constraints, the positive
-- constraints are intersected with the sort index (ZINTERSTORE into a temporary key) and the result walked. Without
-- any positive constraint the walk stops after limit + 1 matches or scanLimit examined tickets (the cursor is then
-- the last one examined). Temporary keys are deleted before the script ends.
-- Order: by sort score ascending, ties by the number as a string (as Redis orders equal scores; TicketOrder in C#).
-- Returns {next ('' for none), then per ticket: id, json, number, version, updatedAt}.
-- Runs after read-tickets.lua (appendTicket), which RedisScripts joins in front.
--
-- ARGV (SearchScriptArgs):
--   1  prefix           the key prefix; every key is derived from it
--   2  sort             'created' (index:all, newest first), or the sort zset: 'sort:due', 'sort:priority', 'sort:updated'
--   3  cursorScore      '' for the first page
--   4  cursorNumber
--   5  limit
--   6  scanLimit        the most tickets a walk examines
--   7  materializeLimit the most tickets the driving constraint may hold to be read whole
--   8  expansionCap     the most vocabulary tokens one query word expands to
--   9  walkBudget       the fewest tickets a walk may examine before the fallback takes over (0: no walk)
--  10  constraintsAt    the constraint count, then per constraint: kind, alternative count, alternatives
--                       z: the ticket is in one of the index zsets named (after the prefix)
--                       x: the ticket is in none of the index zsets named
--                       r: the ticket's index:risk score is at most the one alternative (ms)
--                       w: a query word (1st alternative) a token of the ticket starts with, or the 2nd alternative
--                          ('' for none) is the ticket's number
local prefix = ARGV[1]
local sort = ARGV[2]
local cursorScore = ARGV[3]
local cursorNumber = ARGV[4]
local limit = tonumber(ARGV[5])
local scanLimit = tonumber(ARGV[6])
local materializeLimit = tonumber(ARGV[7])
local expansionCap = tonumber(ARGV[8])
local walkBudget = tonumber(ARGV[9])
local constraintsAt = 10

-- The most tickets of a word's rare tokens copied bit by bit into its temporary bitmap.
local foldLimit = 20000
-- Members per ZMSCORE call.
local batchSize = 1000

local total = redis.call('ZCARD', prefix .. 'index:all')
local temps = {}
local function temp(name)
  local key = prefix .. 'tmp:search:' .. name
  temps[#temps + 1] = key
  return key
end

local constraints = {}
local i = constraintsAt + 1
for _ = 1, tonumber(ARGV[constraintsAt]) do
  local c = {kind = ARGV[i], keys = {}, size = 0}
  local count = tonumber(ARGV[i + 1])
  local alts = {}
  for a = 1, count do
    alts[a] = ARGV[i + 1 + a]
  end
  i = i + 2 + count
  if c.kind == 'z' or c.kind == 'x' then
    for _, alt in ipairs(alts) do
      local key = prefix .. alt
      c.keys[#c.keys + 1] = key
      c.size = c.size + redis.call('ZCARD', key)
    end
    if c.kind == 'x' then
      -- How many tickets an exclusion lets through (it orders the checks; it never drives).
      c.size = math.max(total - c.size, 0)
    end
  elseif c.kind == 'r' then
    c.upTo = tonumber(alts[1])
    c.upToText = alts[1]
    c.keys[1] = prefix .. 'index:risk'
    c.size = redis.call('ZCOUNT', c.keys[1], '-inf', alts[1])
  else
    -- A word: its tokens' sets (c.keys) and bitmaps (c.bitmaps), and the ticket number it may be.
    local word = alts[1]
    c.bitmaps = {}
    c.setSize = 0
    for _, token in ipairs(redis.call('ZRANGE', prefix .. 'vocab', '[' .. word, '[' .. word .. '\255', 'BYLEX', 'LIMIT', 0, expansionCap)) do
      local key = prefix .. 'w:' .. token
      if redis.call('TYPE', key).ok == 'string' then
        c.bitmaps[#c.bitmaps + 1] = key
        c.size = c.size + redis.call('BITCOUNT', key)
      else
        c.keys[#c.keys + 1] = key
        local size = redis.call('SCARD', key)
        c.setSize = c.setSize + size
        c.size = c.size + size
      end
    end
    if alts[2] ~= '' and redis.call('HEXISTS', prefix .. 'numbers', alts[2]) == 1 then
      c.number = alts[2]
      c.size = c.size + 1
    end
  end
  constraints[#constraints + 1] = c
end

-- The words with a bitmap token become one bitmap constraint 'b': each word's alternatives OR'ed (its rare tokens'
-- tickets and its number set bit by bit, when they are at most foldLimit), then the words AND'ed.
do
  local words = {}
  local rest = {}
  for _, c in ipairs(constraints) do
    if c.kind == 'w' and #c.bitmaps > 0 and c.setSize <= foldLimit then
      words[#words + 1] = c
    else
      rest[#rest + 1] = c
    end
  end
  if #words > 0 then
    local keys = {}
    for n, c in ipairs(words) do
      if #c.bitmaps == 1 and #c.keys == 0 and not c.number then
        keys[n] = c.bitmaps[1]
      else
        keys[n] = temp('word:' .. n)
        redis.call('BITOP', 'OR', keys[n], unpack(c.bitmaps))
        for _, key in ipairs(c.keys) do
          for _, member in ipairs(redis.call('SMEMBERS', key)) do
            redis.call('SETBIT', keys[n], member, 1)
          end
        end
        if c.number then
          redis.call('SETBIT', keys[n], c.number, 1)
        end
      end
    end
    local key = keys[1]
    if #keys > 1 then
      key = temp('words')
      redis.call('BITOP', 'AND', key, unpack(keys))
    end
    rest[#rest + 1] = {kind = 'b', keys = {key}, size = redis.call('BITCOUNT', key)}
    constraints = rest
  end
end

-- Whether member (a ticket number) meets constraint c.
local function holds(c, member)
  if c.kind == 'b' then
    return redis.call('GETBIT', c.keys[1], member) == 1
  elseif c.kind == 'z' then
    for _, key in ipairs(c.keys) do
      if redis.call('ZSCORE', key, member) then
        return true
      end
    end
    return false
  elseif c.kind == 'x' then
    for _, key in ipairs(c.keys) do
      if redis.call('ZSCORE', key, member) then
        return false
      end
    end
    return true
  elseif c.kind == 'r' then
    local at = redis.call('ZSCORE', c.keys[1], member)
    return at ~= false and tonumber(at) <= c.upTo
  end
  if c.number == member then
    return true
  end
  for _, key in ipairs(c.bitmaps) do
    if redis.call('GETBIT', key, member) == 1 then
      return true
    end
  end
  for _, key in ipairs(c.keys) do
    if redis.call('SISMEMBER', key, member) == 1 then
      return true
    end
  end
  return false
end

-- The members of a bitmap: reads it whole and finds the set bits (bit 0 is the high bit of the first byte).
local function bitsOf(key, each)
  local bits = redis.call('GET', key)
  if not bits then
    return
  end
  local at = 1
  while true do
    at = string.find(bits, '[^%z]', at)
    if at == nil then
      return
    end
    local byte = string.byte(bits, at)
    local base = (at - 1) * 8
    local mask = 128
    for offset = 0, 7 do
      if byte >= mask then
        byte = byte - mask
        each(string.format('%d', base + offset))
      end
      mask = mask / 2
    end
    at = at + 1
  end
end

-- The driver: the positive constraint with the fewest tickets; the others are checked smallest first (an exclusion
-- by how many it lets through), a bitmap before an equal set since its check is the cheapest.
local driver
for _, c in ipairs(constraints) do
  if c.kind ~= 'x' and (driver == nil or c.size < driver.size) then
    driver = c
  end
end
table.sort(constraints, function(a, b)
  if a.size ~= b.size then
    return a.size < b.size
  end
  return a.kind == 'b' and b.kind ~= 'b'
end)
local hasBitmap = false
for _, c in ipairs(constraints) do
  if c.kind == 'b' or (c.kind == 'w' and #c.bitmaps > 0) then
    hasBitmap = true
  end
end

local function before(aScore, aMember, bScore, bMember)
  if aScore ~= bScore then
    return aScore < bScore
  end
  return aMember < bMember
end

local hasCursor = cursorScore ~= ''
local cScore = tonumber(cursorScore)
local found = {}
local next = ''
local sortKey = prefix .. sort
if sort == 'created' then
  sortKey = prefix .. 'index:all'
end

-- The scores of members in one zset, in batches: ZMSCORE answers false for a member not in it.
local function scoresIn(key, members)
  local scores = {}
  for from = 1, #members, batchSize do
    local batch = redis.call('ZMSCORE', key, unpack(members, from, math.min(from + batchSize - 1, #members)))
    for k = 1, #batch do
      scores[from + k - 1] = batch[k]
    end
  end
  return scores
end

-- The members (a list) that meet constraint c: sorted-set constraints in batches, the others one by one.
local function filter(c, members)
  local kept = {}
  if c.kind == 'z' or c.kind == 'x' or c.kind == 'r' then
    local inAny = {}
    for _, key in ipairs(c.keys) do
      local scores = scoresIn(key, members)
      for k = 1, #members do
        if scores[k] and (c.kind ~= 'r' or tonumber(scores[k]) <= c.upTo) then
          inAny[k] = true
        end
      end
    end
    for k, member in ipairs(members) do
      if (inAny[k] == true) == (c.kind ~= 'x') then
        kept[#kept + 1] = member
      end
    end
  else
    for _, member in ipairs(members) do
      if holds(c, member) then
        kept[#kept + 1] = member
      end
    end
  end
  return kept
end

-- Reads the driver's tickets, keeps those that meet every other constraint, and picks the page after the cursor:
-- the first limit + 1 in order, kept sorted by insertion (most tickets fall after the last one kept).
local function materialize()
  local seen = {}
  local candidates = {}
  local function consider(member)
    if not seen[member] then
      seen[member] = true
      candidates[#candidates + 1] = member
    end
  end
  if driver.kind == 'z' then
    for _, key in ipairs(driver.keys) do
      for _, member in ipairs(redis.call('ZRANGE', key, 0, -1)) do
        consider(member)
      end
    end
  elseif driver.kind == 'r' then
    for _, member in ipairs(redis.call('ZRANGE', driver.keys[1], '-inf', driver.upToText, 'BYSCORE')) do
      consider(member)
    end
  elseif driver.kind == 'b' then
    bitsOf(driver.keys[1], consider)
  else
    if driver.number then
      consider(driver.number)
    end
    for _, key in ipairs(driver.bitmaps) do
      bitsOf(key, consider)
    end
    for _, key in ipairs(driver.keys) do
      for _, member in ipairs(redis.call('SMEMBERS', key)) do
        consider(member)
      end
    end
  end
  for _, c in ipairs(constraints) do
    if c ~= driver and #candidates > 0 then
      candidates = filter(c, candidates)
    end
  end
  local scores
  if sort ~= 'created' and #candidates > 0 then
    scores = scoresIn(sortKey, candidates)
  end
  local top = {}
  for k, member in ipairs(candidates) do
    local score
    if scores then
      score = tonumber(scores[k])
    else
      score = -tonumber(member)
    end
    if score and (not hasCursor or before(cScore, cursorNumber, score, member))
        and (#top <= limit or before(score, member, top[#top][1], top[#top][2])) then
      local at = #top + 1
      while at > 1 and before(score, member, top[at - 1][1], top[at - 1][2]) do
        top[at] = top[at - 1]
        at = at - 1
      end
      top[at] = {score, member}
      if #top > limit + 1 then
        top[#top] = nil
      end
    end
  end
  for h = 1, math.min(#top, limit) do
    found[h] = top[h]
  end
  if #top > limit then
    next = found[limit]
  end
end

-- Walks a zset scored in the list's order (the sort index, or the intersection below) from the cursor, checking the
-- given constraints; stops after limit + 1 matches ('full'), at its end ('end') or after budget tickets ('budget':
-- next is then the last one examined).
local function walk(key, checked, budget, reversed)
  local scanned = 0
  local batch = math.max(limit + 1, 256)
  local rank = 0
  local check = false
  if hasCursor and not reversed then
    local at = redis.call('ZSCORE', key, cursorNumber)
    if at and tonumber(at) == cScore then
      rank = redis.call('ZRANK', key, cursorNumber) + 1
    else
      -- The cursor's ticket moved since (or is not in this set): start at its score and skip what is not after it.
      rank = redis.call('ZCOUNT', key, '-inf', '(' .. cursorScore)
      check = true
    end
  end
  local max = '+inf'
  if reversed and hasCursor then
    max = '(' .. cursorNumber
  end
  while true do
    local page
    if reversed then
      page = redis.call('ZRANGE', key, max, '-inf', 'BYSCORE', 'REV', 'LIMIT', 0, batch, 'WITHSCORES')
    else
      page = redis.call('ZRANGE', key, rank, rank + batch - 1, 'WITHSCORES')
    end
    for p = 1, #page, 2 do
      local member, score = page[p], tonumber(page[p + 1])
      if reversed then
        score = -score
      end
      if not check or before(cScore, cursorNumber, score, member) then
        check = false
        local ok = true
        for _, c in ipairs(checked) do
          if not holds(c, member) then
            ok = false
            break
          end
        end
        if ok then
          if #found == limit then
            next = found[limit]
            return 'full'
          end
          found[#found + 1] = {score, member}
        end
        scanned = scanned + 1
        if scanned >= budget then
          next = {score, member}
          return 'budget'
        end
      end
    end
    if #page < batch * 2 then
      return 'end'
    end
    if reversed then
      max = '(' .. page[#page]
    else
      rank = rank + batch
    end
  end
end

-- Intersects the positive constraints (sorted sets and word sets, no bitmaps) with the sort index in Redis
-- (ZINTERSTORE, which iterates the smallest input), scored in the list's order, then walks the result checking the
-- constraints it cannot express.
local function intersect()
  local keys = {sortKey}
  local weights = {sort == 'created' and -1 or 1}
  local post = {}
  for n, c in ipairs(constraints) do
    if c.kind == 'x' or c.kind == 'r' then
      post[#post + 1] = c
      if c.kind == 'r' then
        keys[#keys + 1] = c.keys[1]
        weights[#weights + 1] = 0
      end
    elseif #c.keys == 1 and not c.number then
      keys[#keys + 1] = c.keys[1]
      weights[#weights + 1] = 0
    else
      local key = temp(n)
      if #c.keys > 0 then
        redis.call('ZUNIONSTORE', key, #c.keys, unpack(c.keys))
      end
      if c.number then
        redis.call('ZADD', key, 0, c.number)
      end
      keys[#keys + 1] = key
      weights[#weights + 1] = 0
    end
  end
  local result = temp('result')
  local args = {result, #keys}
  for _, key in ipairs(keys) do
    args[#args + 1] = key
  end
  args[#args + 1] = 'WEIGHTS'
  for _, weight in ipairs(weights) do
    args[#args + 1] = weight
  end
  redis.call('ZINTERSTORE', unpack(args))
  walk(result, post, math.huge, false)
end

if driver == nil then
  walk(sortKey, constraints, scanLimit, sort == 'created')
else
  -- A walk of the sort index examines about (limit + 1) * total / size tickets to fill a page if the driver's tickets
  -- are spread evenly and the other constraints hold; a driver no bigger than that is read whole instead. A walk gets
  -- a budget of a few times that (at least walkBudget); when it runs out, the fallback does the exact work.
  local spread = (limit + 1) * total / math.max(driver.size, 1)
  if driver.size <= materializeLimit and driver.size <= math.max(spread, 500) then
    materialize()
  else
    local budget = math.min(scanLimit, math.max(walkBudget, 4 * spread))
    if walkBudget == 0 or spread > scanLimit or walk(sortKey, constraints, budget, sort == 'created') == 'budget' then
      found = {}
      next = ''
      if hasBitmap then
        materialize()
      else
        intersect()
      end
    end
  end
end

if #temps > 0 then
  redis.call('DEL', unpack(temps))
end

local result = {''}
if next ~= '' then
  if sort == 'created' then
    result[1] = next[2]
  else
    result[1] = string.format('%d', next[1]) .. '_' .. next[2]
  end
end
for _, hit in ipairs(found) do
  appendTicket(result, prefix, hit[2])
end
return result
