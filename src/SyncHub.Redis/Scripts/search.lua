-- search: one page of a searched, filtered and sorted list. Every condition is a constraint. The query's words come
-- first: a word's tokens in bitmap form (index-ops.lua) are OR'ed into a temporary bitmap (with the few tickets of its
-- rare tokens), and the words are AND'ed into one bitmap constraint whose size is exact (BITOP, BITCOUNT). The index
-- conditions (bitmaps, index-bitmaps.lua) are AND'ed into it, so they and the words are one bitmap constraint. Then the
-- smallest constraint drives. When it holds at most readLimit tickets they are read, filtered by the other
-- constraints in batches (ZMSCORE, SMISMEMBER, BITFIELD_RO) and the page picked in order. Otherwise the sort index is
-- walked from the cursor a page at a time (newest first: the bitmap constraint's set bits downward, or index:all's),
-- each page filtered the same way (most selective constraint first); a driver of at most probeReadLimit tickets gets a
-- short walk first and is read instead when the walk's match rate says a page needs more tickets walked than it
-- holds. A walk's budget is a few times what the page should need; when it runs out, the driver is read whole, or,
-- with no bitmap among the constraints and a sort zset, the constraints are intersected with the sort zset
-- (ZINTERSTORE into a temporary key) and the result walked. Without any constraint the walk stops after limit + 1
-- matches or scanLimit examined tickets (the cursor is then the last one examined). Temporary keys are deleted before
-- the script ends.
-- Order: by sort score ascending, ties by the number as a string (as Redis orders equal scores; TicketOrder in C#).
-- Returns {next ('' for none), then per ticket: id, json, number, version, updatedAt}.
-- Runs after ticket-record.lua, read-tickets.lua (appendTicket) and index-bitmaps.lua (indexBits, descendingBits),
-- which RedisScripts joins in front.
--
-- ARGV (SearchScriptArgs):
--   1  prefix           the key prefix; every key is derived from it
--   2  sort             'created' (index:all, newest first), or the sort zset: 'sort:due', 'sort:priority', 'sort:updated'
--   3  cursorScore      '' for the first page
--   4  cursorNumber
--   5  limit
--   6  scanLimit        the most tickets a walk examines
--   7  readLimit        the most tickets the driving constraint may hold to be read whole at once
--   8  expansionCap     the most vocabulary tokens one query word expands to
--   9  walkBudget       the fewest tickets a walk may examine before the fallback takes over (0: no walk)
--  10  probeReadLimit   the most tickets the driver may hold to be read whole after a short walk found it sparse
--  11  constraintsAt    the constraint count, then per constraint: kind, alternative count, alternatives
--                       z: the ticket is in one of the index bitmaps named (after the prefix)
--                       x: the ticket is in none of the index bitmaps named
--                       r: the ticket's index:risk score is at most the one alternative (ms)
--                       w: a query word (1st alternative) a token of the ticket starts with, or the 2nd alternative
--                          ('' for none) is the ticket's number
local prefix = ARGV[1]
local sort = ARGV[2]
local cursorScore = ARGV[3]
local cursorNumber = ARGV[4]
local limit = tonumber(ARGV[5])
local scanLimit = tonumber(ARGV[6])
local readLimit = tonumber(ARGV[7])
local expansionCap = tonumber(ARGV[8])
local walkBudget = tonumber(ARGV[9])
local probeReadLimit = tonumber(ARGV[10])
local constraintsAt = 11

-- The most tickets of a word's rare tokens copied bit by bit into its temporary bitmap.
local foldLimit = 20000
-- Members per batched check (ZMSCORE, SMISMEMBER, BITFIELD) and per page of a walk.
local batchSize = 256

local total = indexBits('BITCOUNT', prefix .. 'index:all')
local temps = {}
local function temp(name)
  local key = prefix .. 'tmp:search:' .. name
  temps[#temps + 1] = key
  return key
end

local constraints = {}
local i = constraintsAt + 1
for _ = 1, tonumber(ARGV[constraintsAt]) do
  local c = {kind = ARGV[i], keys = {}, size = 0, numbers = {}, named = {}}
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
      c.size = c.size + indexBits('BITCOUNT', key)
    end
  elseif c.kind == 'r' then
    c.upTo = tonumber(alts[1])
    c.upToText = alts[1]
    c.keys[1] = prefix .. 'index:risk'
    c.size = redis.call('ZCOUNT', c.keys[1], '-inf', alts[1])
  else
    -- A word: its tokens' sets (c.keys) and bitmaps (c.bitmaps), and the tickets it names itself (c.numbers, c.named):
    -- the one ticket of each token in single-entry form (index-ops.lua), and the ticket number the word may be.
    local word = alts[1]
    c.bitmaps = {}
    c.setSize = 0
    local function name(number)
      if not c.named[number] then
        c.named[number] = true
        c.numbers[#c.numbers + 1] = number
        c.setSize = c.setSize + 1
        c.size = c.size + 1
      end
    end
    for _, token in ipairs(redis.call('ZRANGE', prefix .. 'vocab', '[' .. word, '[' .. word .. '\255', 'BYLEX', 'LIMIT', 0, expansionCap)) do
      local key = prefix .. 'w:' .. token
      local mark = string.find(token, '\1', 1, true)
      if mark then
        name(string.sub(token, mark + 1))
      elseif redis.call('TYPE', key).ok == 'string' then
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
      name(alts[2])
    end
  end
  constraints[#constraints + 1] = c
end

-- The bitmap constraint 'b' that holds the tickets in every one of keys, of exact size (the one key itself when alone).
local function allOf(keys, name)
  local key = keys[1]
  if #keys > 1 then
    key = temp(name)
    redis.call('BITOP', 'AND', key, unpack(keys))
  end
  return {kind = 'b', keys = {key}, size = redis.call('BITCOUNT', key)}
end

-- The words with a bitmap token become one bitmap constraint 'b': each word's alternatives OR'ed (its rare tokens'
-- tickets and the tickets it names set bit by bit, when they are at most foldLimit), then the words AND'ed.
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
      if #c.bitmaps == 1 and #c.keys == 0 and #c.numbers == 0 then
        keys[n] = c.bitmaps[1]
      else
        keys[n] = temp('word:' .. n)
        redis.call('BITOP', 'OR', keys[n], unpack(c.bitmaps))
        for _, key in ipairs(c.keys) do
          for _, member in ipairs(redis.call('SMEMBERS', key)) do
            redis.call('SETBIT', keys[n], member, 1)
          end
        end
        for _, number in ipairs(c.numbers) do
          redis.call('SETBIT', keys[n], number, 1)
        end
      end
    end
    rest[#rest + 1] = allOf(keys, 'words')
    constraints = rest
  end
end

-- The index constraints become one bitmap constraint 'b' of exact size, with the words' one if there is one: each
-- z constraint's indexes OR'ed, the x constraints' indexes OR'ed and taken out of index:all (AND, then XOR: Redis 7
-- has no AND NOT), then all AND'ed (BITOP). One index alone is used as it is.
do
  local ands = {}
  local excluded = {}
  local rest = {}
  local indexes = false
  for _, c in ipairs(constraints) do
    indexes = indexes or c.kind == 'z' or c.kind == 'x'
    if c.kind == 'z' and #c.keys == 1 then
      ands[#ands + 1] = c.keys[1]
    elseif c.kind == 'z' then
      ands[#ands + 1] = temp('any:' .. #ands)
      redis.call('BITOP', 'OR', ands[#ands], unpack(c.keys))
    elseif c.kind == 'x' then
      for _, key in ipairs(c.keys) do
        excluded[#excluded + 1] = key
      end
    elseif c.kind == 'b' then
      ands[#ands + 1] = c.keys[1]
    else
      rest[#rest + 1] = c
    end
  end
  if #excluded > 0 then
    local all = prefix .. 'index:all'
    local key = temp('excluded')
    redis.call('BITOP', 'OR', key, unpack(excluded))
    redis.call('BITOP', 'AND', key, key, all)
    redis.call('BITOP', 'XOR', key, key, all)
    ands[#ands + 1] = key
  end
  if indexes then
    rest[#rest + 1] = allOf(ands, 'index')
    constraints = rest
  end
end

-- Appends the members of a bitmap, as numbers, to list: reads it whole and finds the set bits (bit 0 is the high bit
-- of the first byte).
local function bitsOf(key, list)
  local bits = redis.call('GET', key)
  if not bits then
    return list
  end
  local n = #list
  local at = 1
  while true do
    at = string.find(bits, '%Z', at)
    if at == nil then
      return list
    end
    local byte = string.byte(bits, at)
    local base = (at - 1) * 8
    local mask = 128
    for offset = 0, 7 do
      if byte >= mask then
        byte = byte - mask
        n = n + 1
        list[n] = base + offset
      end
      mask = mask / 2
    end
    at = at + 1
  end
end


-- Per member (a list of ticket numbers, at most batchSize), whether it is in key: a bitmap, a set or a sorted set
-- (for a sorted set with upTo, whether its score is at most upTo). One call per batch.
local function memberships(kind, key, members, upTo)
  local answers
  local present = {}
  if kind == 'bitmap' then
    local args = {}
    for k, member in ipairs(members) do
      args[3 * k - 2] = 'GET'
      args[3 * k - 1] = 'u1'
      args[3 * k] = member
    end
    answers = redis.call('BITFIELD_RO', key, unpack(args))
    for k = 1, #members do
      present[k] = answers[k] == 1
    end
  elseif kind == 'set' then
    answers = redis.call('SMISMEMBER', key, unpack(members))
    for k = 1, #members do
      present[k] = answers[k] == 1
    end
  else
    answers = redis.call('ZMSCORE', key, unpack(members))
    for k = 1, #members do
      present[k] = answers[k] ~= false and (upTo == nil or tonumber(answers[k]) <= upTo)
    end
  end
  return present
end

-- The members (a list, in order) that meet constraint c, in order; batched per key.
local function filter(c, members)
  local kept = {}
  for from = 1, #members, batchSize do
    local batch = {unpack(members, from, math.min(from + batchSize - 1, #members))}
    local inAny = {}
    local function any(kind, key, upTo)
      for k, yes in ipairs(memberships(kind, key, batch, upTo)) do
        inAny[k] = inAny[k] or yes
      end
    end
    if c.kind == 'b' then
      any('bitmap', c.keys[1])
    elseif c.kind == 'r' then
      any('zset', c.keys[1], c.upTo)
    else
      for _, key in ipairs(c.bitmaps) do
        any('bitmap', key)
      end
      for _, key in ipairs(c.keys) do
        any('set', key)
      end
    end
    for k, member in ipairs(batch) do
      if inAny[k] == true or (c.kind == 'w' and c.named[tostring(member)]) then
        kept[#kept + 1] = member
      end
    end
  end
  return kept
end

-- The driver: the constraint with the fewest tickets; the others are checked smallest first, a bitmap before an equal
-- set since its check is the cheapest.
local driver
for _, c in ipairs(constraints) do
  if driver == nil or c.size < driver.size then
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

-- Whether (aScore, aMember) comes before (bScore, bMember): members are numbers or their text, and equal scores are
-- ordered by the text.
local function before(aScore, aMember, bScore, bMember)
  if aScore ~= bScore then
    return aScore < bScore
  end
  return tostring(aMember) < tostring(bMember)
end

-- The first k of the candidates at positions list (scores and members in two lists), in order: each is compared with
-- the last kept and, when it comes before it, inserted at its place (binary search), so most cost one comparison.
local function firstOf(scores, members, list, k)
  local top = {}
  for _, e in ipairs(list) do
    local n = #top
    local score, member = scores[e], members[e]
    local lastScore = n > 0 and scores[top[n]]
    if n < k or score < lastScore or (score == lastScore and before(score, member, lastScore, members[top[n]])) then
      local lo, hi = 1, n + 1
      while lo < hi do
        local mid = math.floor((lo + hi) / 2)
        if before(score, member, scores[top[mid]], members[top[mid]]) then
          hi = mid
        else
          lo = mid + 1
        end
      end
      table.insert(top, lo, e)
      if n + 1 > k then
        top[n + 1] = nil
      end
    end
  end
  return top
end


local hasCursor = cursorScore ~= ''
local cScore = tonumber(cursorScore)
local found = {}
local next = ''
local sortKey = prefix .. sort
if sort == 'created' then
  sortKey = prefix .. 'index:all'
end

-- The list-order scores of members (a list of numbers): minus the number when newest first, else the sort index's,
-- read from its dense copy (index-ops.lua; the i64 at bit 64n), or from the zset for a ticket the copy does not hold
-- yet (0: written before it existed), which is then copied.
local scoreArgs = {}
local function scoresOf(members)
  local scores = {}
  for from = 1, #members, batchSize do
    local last = math.min(from + batchSize - 1, #members)
    if sort == 'created' then
      for k = from, last do
        scores[k] = -members[k]
      end
    else
      local n = 0
      for k = from, last do
        scoreArgs[n + 1] = 'GET'
        scoreArgs[n + 2] = 'i64'
        scoreArgs[n + 3] = members[k] * 64
        n = n + 3
      end
      local batch = redis.call('BITFIELD_RO', sortKey .. ':at', unpack(scoreArgs, 1, n))
      for k = 1, #batch do
        local score = batch[k]
        if score == 0 then
          -- Written before the copy existed: read from the zset, and copied so the next search finds it there.
          score = tonumber(redis.call('ZSCORE', sortKey, members[from + k - 1]))
          if score then
            redis.call('BITFIELD', sortKey .. ':at', 'SET', 'i64', members[from + k - 1] * 64, score)
          end
        end
        scores[from + k - 1] = score
      end
    end
  end
  return scores
end


-- Whether checking c costs a hash lookup per ticket (a sorted set or a set) rather than a bit in a bitmap.
local function costly(c)
  return c.kind ~= 'b' and not (c.kind == 'w' and #c.keys == 0)
end

-- Reads the driver's tickets, keeps those that meet the constraints cheap to check (bitmaps), orders them by their
-- scores (dense copies) and checks the costly constraints (sorted sets, sets) only on the first few after the
-- cursor: when at least limit + 1 of those pass, they are the page; else every ticket is checked and the page picked
-- from all that pass.
local function materialize()
  found = {}
  next = ''
  local seen = {}
  local candidates = {}
  local function consider(member)
    member = tonumber(member)
    if not seen[member] then
      seen[member] = true
      candidates[#candidates + 1] = member
    end
  end
  if driver.kind == 'r' then
    for _, member in ipairs(redis.call('ZRANGE', driver.keys[1], '-inf', driver.upToText, 'BYSCORE')) do
      consider(member)
    end
  elseif driver.kind == 'b' then
    -- A bitmap's members are distinct.
    bitsOf(driver.keys[1], candidates)
  else
    for _, number in ipairs(driver.numbers) do
      consider(number)
    end
    for _, key in ipairs(driver.bitmaps) do
      for _, member in ipairs(bitsOf(key, {})) do
        consider(member)
      end
    end
    for _, key in ipairs(driver.keys) do
      for _, member in ipairs(redis.call('SMEMBERS', key)) do
        consider(member)
      end
    end
  end
  local deferred = {}
  for _, c in ipairs(constraints) do
    if c ~= driver then
      if costly(c) then
        deferred[#deferred + 1] = c
      elseif #candidates > 0 then
        candidates = filter(c, candidates)
      end
    end
  end
  local scores = scoresOf(candidates)
  local after = {}
  for k, member in ipairs(candidates) do
    local score = scores[k]
    if score and (not hasCursor or before(cScore, cursorNumber, score, member)) then
      after[#after + 1] = k
    end
  end
  -- Checks the costly constraints on the candidates at positions list not checked yet (in batches) and answers
  -- the positions of list that pass, in list order.
  local verdict = {}
  local function passing(list)
    local members = {}
    for _, e in ipairs(list) do
      local member = candidates[e]
      if verdict[member] == nil then
        verdict[member] = false
        members[#members + 1] = member
      end
    end
    for _, c in ipairs(deferred) do
      if #members == 0 then
        break
      end
      members = filter(c, members)
    end
    for _, member in ipairs(members) do
      verdict[member] = true
    end
    local result = {}
    for _, e in ipairs(list) do
      if verdict[candidates[e]] then
        result[#result + 1] = e
      end
    end
    return result
  end
  -- The first few candidates in order are checked; while fewer than limit + 1 of them pass, the next round takes more
  -- (by the pass rate seen, at least twice as many); once that is most of them, all are checked. A round's candidates
  -- are those scored at most the few-th score (the scores sorted once, as plain numbers), then put in order.
  local top
  local few = 4 * (limit + 1)
  if #deferred == 0 then
    top = firstOf(scores, candidates, after, limit + 1)
  else
    local ordered = {}
    for k, e in ipairs(after) do
      ordered[k] = scores[e]
    end
    table.sort(ordered)
    local function inOrder(a, b)
      return before(scores[a], candidates[a], scores[b], candidates[b])
    end
    while true do
      if 2 * few >= #after then
        top = firstOf(scores, candidates, passing(after), limit + 1)
        break
      end
      local cut = ordered[few]
      local first = {}
      for _, e in ipairs(after) do
        if scores[e] <= cut then
          first[#first + 1] = e
        end
      end
      table.sort(first, inOrder)
      top = passing(first)
      if #top > limit then
        break
      end
      few = math.max(2 * few, math.ceil(1.5 * (limit + 1) * few / math.max(#top, 1)))
    end
  end
  for h = 1, math.min(#top, limit) do
    found[h] = {scores[top[h]], candidates[top[h]]}
  end
  if #top > limit then
    next = found[limit]
  end
end


-- A walk of a zset scored in the list's order (the sort index, or the intersection below) from the cursor, or, when
-- reversed (newest first), of a bitmap's set bits downward from the cursor (descendingBits), a page of batchSize
-- tickets at a time, each page filtered by the given constraints in batches. walk(budget) goes on from where the last
-- call stopped and answers 'full' after limit + 1 matches, 'end' at the zset's end, or 'budget' once it examined
-- budget tickets in all (next is then the last one examined).
local function walker(key, checked, reversed)
  local scanned = 0
  local rank = 0
  local check = false
  local nextBit
  if reversed then
    nextBit = descendingBits(key, hasCursor and tonumber(cursorNumber) or nil)
  elseif hasCursor then
    local at = redis.call('ZSCORE', key, cursorNumber)
    if at and tonumber(at) == cScore then
      rank = redis.call('ZRANK', key, cursorNumber) + 1
    else
      -- The cursor's ticket moved since (or is not in this set): start at its score and skip what is not after it.
      rank = redis.call('ZCOUNT', key, '-inf', '(' .. cursorScore)
      check = true
    end
  end
  local function scoreIn(member)
    if reversed then
      return -tonumber(member)
    end
    return tonumber(redis.call('ZSCORE', key, member))
  end
  return function(budget)
    next = ''
    while true do
      local size = math.min(batchSize, budget - scanned)
      local page
      if reversed then
        page = {}
        for p = 1, size do
          page[p] = nextBit()
          if page[p] == nil then
            break
          end
        end
      else
        page = redis.call('ZRANGE', key, rank, rank + size - 1)
      end
      local from = 1
      while check and from <= #page do
        if before(cScore, cursorNumber, scoreIn(page[from]), page[from]) then
          check = false
        else
          from = from + 1
        end
      end
      local examined = {unpack(page, from)}
      local kept = examined
      for _, c in ipairs(checked) do
        if #kept == 0 then
          break
        end
        kept = filter(c, kept)
      end
      local k = 1
      for _, member in ipairs(examined) do
        scanned = scanned + 1
        if kept[k] == member then
          k = k + 1
          if #found == limit then
            next = found[limit]
            next[1] = scoreIn(next[2])
            return 'full'
          end
          found[#found + 1] = {0, member}
        end
      end
      rank = rank + #page
      if #page < size then
        return 'end'
      end
      if scanned >= budget then
        next = {scoreIn(page[#page]), page[#page]}
        return 'budget'
      end
    end
  end
end

-- Intersects the constraints (the at-risk range and word sets, no bitmaps) with the sort zset in Redis
-- (ZINTERSTORE, which iterates the smallest input), scored in the list's order, then walks the result checking the
-- at-risk range, which it cannot express.
local function intersect()
  found = {}
  next = ''
  local keys = {sortKey}
  local weights = {1}
  local post = {}
  for n, c in ipairs(constraints) do
    if c.kind == 'r' then
      post[#post + 1] = c
      keys[#keys + 1] = c.keys[1]
      weights[#weights + 1] = 0
    elseif #c.keys == 1 and #c.numbers == 0 then
      keys[#keys + 1] = c.keys[1]
      weights[#weights + 1] = 0
    else
      local key = temp(n)
      if #c.keys > 0 then
        redis.call('ZUNIONSTORE', key, #c.keys, unpack(c.keys))
      end
      for _, number in ipairs(c.numbers) do
        redis.call('ZADD', key, 0, number)
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
  walker(result, post, false)(math.huge)
end

-- The exact work when walking does not pay: read the driver whole, or intersect in Redis where no bitmap is involved
-- (and the order is a sort zset: index:all is a bitmap).
local function fallback()
  if hasBitmap or sort == 'created' then
    materialize()
  else
    intersect()
  end
end

-- Newest first walks the index bitmap constraint itself when there is one (each of its tickets matches it), else
-- index:all.
local reversed = sort == 'created'
local walkKey, walkChecked = sortKey, constraints
if reversed then
  for k, c in ipairs(constraints) do
    if c.kind == 'b' then
      walkKey = c.keys[1]
      walkChecked = {unpack(constraints, 1, k - 1)}
      for m = k + 1, #constraints do
        walkChecked[#walkChecked + 1] = constraints[m]
      end
      break
    end
  end
end
if driver == nil then
  walker(walkKey, walkChecked, reversed)(scanLimit)
elseif driver.size <= readLimit then
  materialize()
elseif walkBudget == 0 then
  fallback()
else
  -- A walk of the sort index examines about (limit + 1) * total / size tickets to fill a page if the driver's tickets
  -- are spread evenly over it and the other constraints hold; views of open work sit at its front, so the first
  -- pages tell more. A driver that may be read whole gets a short walk first: when its match rate says the page
  -- needs more tickets walked than the driver holds, the driver is read instead. Otherwise the walk gets a budget of
  -- a few times the estimate (at least walkBudget) and the fallback does the exact work when it runs out.
  local walk = walker(walkKey, walkChecked, reversed)
  local spread = (limit + 1) * total / math.max(driver.size, 1)
  local outcome
  if driver.size <= probeReadLimit then
    local probe = math.min(walkBudget, 2 * batchSize)
    outcome = walk(probe)
    if outcome == 'budget' then
      local needed = (limit + 1 - #found) * probe / math.max(#found, 0.5)
      if needed > driver.size then
        outcome = 'read'
      else
        outcome = walk(math.min(scanLimit, probe + math.max(walkBudget, 3 * needed)))
      end
    end
  elseif spread <= scanLimit then
    outcome = walk(math.min(scanLimit, math.max(walkBudget, 4 * spread)))
  end
  if outcome == nil or outcome == 'budget' or outcome == 'read' then
    fallback()
  end
end

if #temps > 0 then
  redis.call('DEL', unpack(temps))
end

local result = {''}
if next ~= '' then
  if sort == 'created' then
    result[1] = tostring(next[2])
  else
    result[1] = string.format('%d', next[1]) .. '_' .. next[2]
  end
end
for _, hit in ipairs(found) do
  appendTicket(result, prefix, hit[2])
end
return result
