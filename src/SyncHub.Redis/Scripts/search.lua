-- search: one page of a searched, filtered and sorted list. Every condition is a constraint; the smallest one (by
-- cardinality) drives: when it holds at most materializeLimit tickets they are read, checked against the other
-- constraints, sorted and cut after the cursor; otherwise the sort index is walked from the cursor and each ticket
-- checked, stopping after limit + 1 matches or scanLimit examined tickets (the cursor is then the last one examined).
-- Order: by sort score ascending, ties by the number as a string (as Redis orders equal scores; TicketOrder in C#).
-- Returns {next ('' for none), then per ticket: id, json, number, version, updatedAt}.
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
--   9  constraintsAt    the constraint count, then per constraint: kind, alternative count, alternatives
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
local constraintsAt = 9

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
else
  -- Walk the sort index from the cursor.
  local scanned = 0
  local batch = math.max(limit + 1, 256)
  local done = false
  local function take(member, score)
    if matches(member, nil) then
      if #found == limit then
        next = found[limit]
        done = true
        return
      end
      found[#found + 1] = {score, member}
    end
    scanned = scanned + 1
    if scanned >= scanLimit then
      next = {score, member}
      done = true
    end
  end
  if sort == 'created' then
    local max = '+inf'
    if hasCursor then
      max = '(' .. cursorNumber
    end
    while not done do
      local members = redis.call('ZRANGE', prefix .. 'index:all', max, '-inf', 'BYSCORE', 'REV', 'LIMIT', 0, batch)
      for _, member in ipairs(members) do
        take(member, -tonumber(member))
        if done then
          break
        end
      end
      if #members < batch then
        done = true
      else
        max = '(' .. members[#members]
      end
    end
  else
    local key = prefix .. sort
    local rank = 0
    local check = false
    if hasCursor then
      local at = redis.call('ZSCORE', key, cursorNumber)
      if at and tonumber(at) == cScore then
        rank = redis.call('ZRANK', key, cursorNumber) + 1
      else
        -- The cursor's ticket moved since: start at its old score and skip what is not after it.
        rank = redis.call('ZCOUNT', key, '-inf', '(' .. cursorScore)
        check = true
      end
    end
    while not done do
      local page = redis.call('ZRANGE', key, rank, rank + batch - 1, 'WITHSCORES')
      for p = 1, #page, 2 do
        local member, score = page[p], tonumber(page[p + 1])
        if not check or before(cScore, cursorNumber, score, member) then
          check = false
          take(member, score)
          if done then
            break
          end
        end
      end
      if #page < batch * 2 then
        done = true
      else
        rank = rank + batch
      end
    end
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
local numbers = prefix .. 'numbers'
for _, hit in ipairs(found) do
  local number = hit[2]
  local id = redis.call('HGET', numbers, number)
  if id then
    local fields = redis.call('HMGET', prefix .. 'ticket:' .. id, 'json', 'number', 'version', 'updatedAt')
    if fields[1] then
      result[#result + 1] = id
      result[#result + 1] = fields[1]
      result[#result + 1] = fields[2]
      result[#result + 1] = fields[3]
      result[#result + 1] = fields[4]
    end
  end
end
return result
