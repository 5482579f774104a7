-- search: one page of a searched, filtered and sorted list. Every condition is a constraint; the smallest one (by
-- cardinality) drives: when it holds at most materializeLimit tickets they are read, checked against the other
-- constraints, sorted and cut after the cursor. Otherwise the sort index is walked from the cursor and each ticket
-- checked, for as many tickets as a page should need; when that budget runs out, the positive constraints are
-- intersected with the sort index (ZINTERSTORE into a temporary key, deleted before the script ends) and the
-- result walked. Without any positive constraint the walk stops after limit + 1 matches or scanLimit examined
-- tickets (the cursor is then the last one examined).
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
--   9  walkBudget       the fewest tickets a walk may examine before the intersection takes over (0: no walk)
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
      if c.kind == 'z' then
        c.size = c.size + redis.call('ZCARD', key)
      end
    end
  elseif c.kind == 'r' then
    c.upTo = tonumber(alts[1])
    c.upToText = alts[1]
    c.keys[1] = prefix .. 'index:risk'
    c.size = redis.call('ZCOUNT', c.keys[1], '-inf', alts[1])
  else
    local word = alts[1]
    for _, token in ipairs(redis.call('ZRANGE', prefix .. 'vocab', '[' .. word, '[' .. word .. '\255', 'BYLEX', 'LIMIT', 0, expansionCap)) do
      local key = prefix .. 'w:' .. token
      c.keys[#c.keys + 1] = key
      c.size = c.size + redis.call('SCARD', key)
    end
    if alts[2] ~= '' and redis.call('HEXISTS', prefix .. 'numbers', alts[2]) == 1 then
      c.number = alts[2]
      c.size = c.size + 1
    end
  end
  constraints[#constraints + 1] = c
end

local function holds(c, member)
  if c.kind == 'z' then
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
  for _, key in ipairs(c.keys) do
    if redis.call('SISMEMBER', key, member) == 1 then
      return true
    end
  end
  return false
end

-- The driver: the positive constraint with the fewest tickets; the others are checked smallest first.
local driver
for _, c in ipairs(constraints) do
  if c.kind ~= 'x' and (driver == nil or c.size < driver.size) then
    driver = c
  end
end
table.sort(constraints, function(a, b)
  return (a.kind == 'x' and 0 or a.size) < (b.kind == 'x' and 0 or b.size)
end)

local function matches(member, skip)
  for _, c in ipairs(constraints) do
    if c ~= skip and not holds(c, member) then
      return false
    end
  end
  return true
end

local function scoreOf(member)
  if sort == 'created' then
    return -tonumber(member)
  end
  return tonumber(redis.call('ZSCORE', prefix .. sort, member))
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

-- Intersects the positive constraints with the sort index in Redis (ZINTERSTORE, which iterates the smallest input),
-- scored in the list's order, then walks the result checking the constraints it cannot express.
local function intersect()
  local temps = {}
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
      local temp = prefix .. 'tmp:search:' .. n
      temps[#temps + 1] = temp
      if #c.keys > 0 then
        redis.call('ZUNIONSTORE', temp, #c.keys, unpack(c.keys))
      end
      if c.number then
        redis.call('ZADD', temp, 0, c.number)
      end
      keys[#keys + 1] = temp
      weights[#weights + 1] = 0
    end
  end
  local result = prefix .. 'tmp:search:result'
  temps[#temps + 1] = result
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
  redis.call('DEL', unpack(temps))
end

local total = redis.call('ZCARD', prefix .. 'index:all')
if driver ~= nil and driver.size <= materializeLimit then
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
  else
    if driver.number then
      consider(driver.number)
    end
    for _, key in ipairs(driver.keys) do
      for _, member in ipairs(redis.call('SMEMBERS', key)) do
        consider(member)
      end
    end
  end
  local hits = {}
  for _, member in ipairs(candidates) do
    if matches(member, driver) then
      local score = scoreOf(member)
      if score and (not hasCursor or before(cScore, cursorNumber, score, member)) then
        hits[#hits + 1] = {score, member}
      end
    end
  end
  table.sort(hits, function(a, b)
    return before(a[1], a[2], b[1], b[2])
  end)
  for h = 1, math.min(#hits, limit) do
    found[h] = hits[h]
  end
  if #hits > limit then
    next = found[limit]
  end
elseif driver == nil then
  walk(sortKey, constraints, scanLimit, sort == 'created')
else
  -- A walk finds a page quickly when the constraints match a good share of the tickets; it gets a small budget of
  -- tickets to examine (what a page needs if the matches were spread evenly, at least walkBudget), and the exact
  -- intersection takes over when it runs out.
  local budget = math.min(scanLimit, math.max(walkBudget, 4 * (limit + 1) * total / math.max(driver.size, 1)))
  if walkBudget == 0 or (limit + 1) * total / math.max(driver.size, 1) > scanLimit
      or walk(sortKey, constraints, budget, sort == 'created') == 'budget' then
    found = {}
    next = ''
    intersect()
  end
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
