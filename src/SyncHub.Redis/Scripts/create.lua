-- create: creates a ticket, or answers a replay, or threads a follow-up. Returns {outcome, id, number}:
-- 0 created, 1 duplicate, 2 threaded; a created ticket adds the id of the closed one it follows up ('' for none) and,
-- when a review signal was sent, its count (countReview's answer).
-- A thread key ticket:{number} (threadNumber holds the number) names the ticket with that number; any other thread
-- key is looked up in {p}threads. Without a match the record becomes a new ticket.
-- Runs after ticket-record.lua (readTicket, writeTicket), index-bitmaps.lua (indexBits, setIndexBit), sla-sets.lua
-- (slaSets), index-ops.lua (addTicket) and review-count.lua (countReview), which RedisScripts joins in front.
--
-- ARGV (CreateScriptArgs):
--   1  prefix                    the key prefix; every key is derived from it
--   2  idempotencyField          {source}:{externalId}, the field in {p}idempotency
--   3  id                        the new ticket's id
--   4  threadKey                 '' for none
--   5  ticketJson                the ticket without number, version, updatedAt and history
--   6  version
--   7  updatedAt                 ISO 8601
--   8  threadedEntry             the history entry (JSON) a threaded follow-up appends; '' without a thread key
--   9  threadedAt                that entry's time, the parent's new updatedAt; '' without a thread key
--  10  departmentIndex           the index names (after index:) of the department, status, priority and channel
--  11  statusIndex
--  12  priorityIndex
--  13  channelIndex
--  14  firstResponseScore        the SLA set scores, in the order of slaSets ('' when that deadline is not live)
--  15  resolutionScore
--  16  firstResponseAtRiskScore
--  17  resolutionAtRiskScore
--  18  breached                  '1' or '0'
--  19  threadNumber              the number a ticket:{number} thread key names; '' for any other key
--  20  firstNumber               the first ticket number given
--  21  windowStart               the earliest updatedAt a windowed thread may continue on; '' for no window
--  22  reopenStart               a conversation without window continues on a Solved ticket only if it was solved at or
--                                after this instant (epoch ms, {p}solved); '' for no limit. A Closed ticket never
--                                continues: the record opens a new ticket that follows it up (the 4th reply value)
--  23  history                   the creation's history entries as one element (a JSON array, in its stored form)
--  24  outboxAt                  the outbox count, then per event: type, JSON head, JSON tail (the ticket number goes
--                                between, and replaces each numberPlaceholder in the event's texts); then the sets and
--                                tokens of the new ticket (index-ops.lua's addTicket: count, then key, score each, then
--                                the tokens in one argument, separated by spaces), then the sort:updated score of a
--                                threaded follow-up's parent (-threadedAt in ms; '' without), then the review signal
--                                to record with the new number (review-count.lua): '' for none, or seen key, flag key,
--                                member suffix ('|' and the app version), at (ms), windowMs, threshold, most
-- A thread key of a ticket merged into another continues on that other ticket (the 'merged' of its string).
local prefix = ARGV[1]
local idempotencyField = ARGV[2]
local id = ARGV[3]
local threadKey = ARGV[4]
local ticketJson = ARGV[5]
local version = ARGV[6]
local updatedAt = ARGV[7]
local threadedEntry = ARGV[8]
local threadedAt = ARGV[9]
local departmentIndex = ARGV[10]
local statusIndex = ARGV[11]
local priorityIndex = ARGV[12]
local channelIndex = ARGV[13]
local firstResponseScore = ARGV[14]
local resolutionScore = ARGV[15]
local firstResponseAtRiskScore = ARGV[16]
local resolutionAtRiskScore = ARGV[17]
local breached = ARGV[18]
local threadNumber = ARGV[19]
local firstNumber = tonumber(ARGV[20])
local windowStart = ARGV[21]
local reopenStart = ARGV[22]
local history = ARGV[23]
local outboxAt = 24
-- TicketCreation.NumberPlaceholder as the event JSON writes it: '#', the escaped U+0001, '#'. Only an escape can put a
-- control character in JSON text, and the C# side never lets a U+0001 into an event's texts but in a placeholder, so
-- every match is one (a test compares this with StoreJson.NumberPlaceholderJson). No pattern magic characters in it:
-- string.gsub matches it as plain text.
local numberPlaceholder = '#\\u0001#'

local idempotency = prefix .. 'idempotency'
local existing = redis.call('HGET', idempotency, idempotencyField)
if existing then
  local record = readTicket(prefix .. 'ticket:' .. existing)
  return {1, existing, record and record.number}
end
local followsUp = ''
if threadKey ~= '' then
  local parent
  if threadNumber ~= '' then
    parent = redis.call('HGET', prefix .. 'numbers', threadNumber)
  else
    parent = redis.call('HGET', prefix .. 'threads', threadKey)
  end
  if parent then
    local record = readTicket(prefix .. 'ticket:' .. parent)
    for _ = 1, 8 do
      if not (record and record.merged) then
        break
      end
      parent = record.merged
      record = readTicket(prefix .. 'ticket:' .. parent)
    end
    local parentKey = prefix .. 'ticket:' .. parent
    local parentNumber = record and record.number
    local closed = parentNumber and indexBits('GETBIT', prefix .. 'index:status:Closed', parentNumber) == 1
    if parentNumber and windowStart ~= '' then
      -- A windowed thread continues only on a ticket not Closed that was updated within the window (a Solved one
      -- reopens).
      if closed or record.updatedAt < windowStart then
        parentNumber = false
      end
    elseif parentNumber then
      -- A conversation without window: a closed ticket, or one solved before the reopen window, is followed up.
      local solvedAt = redis.call('ZSCORE', prefix .. 'solved', parentNumber)
      if closed or (solvedAt and reopenStart ~= '' and tonumber(solvedAt) < tonumber(reopenStart)) then
        followsUp = parent
        parentNumber = false
      end
    end
    if parentNumber then
      redis.call('RPUSH', parentKey .. ':history', threadedEntry)
      record.version = tostring(tonumber(record.version) + 1)
      record.updatedAt = threadedAt
      writeTicket(parentKey, record)
      redis.call('HSET', idempotency, idempotencyField, parent)
      local setsAt = outboxAt + 1 + 3 * tonumber(ARGV[outboxAt])
      local threadedScore = ARGV[setsAt + 2 + 2 * tonumber(ARGV[setsAt])]
      if threadedScore ~= '' then
        redis.call('ZADD', prefix .. 'sort:updated', threadedScore, parentNumber)
      end
      return {2, parent, parentNumber}
    end
  end
end
local counter = prefix .. 'counter'
local n = redis.call('INCR', counter)
if n < firstNumber then
  n = firstNumber
  redis.call('SET', counter, n)
end
-- Formatted once: Lua formats a number given to redis.call anew each time (about 0.2 us each, dozens per ticket).
n = tostring(n)
local ticketKey = prefix .. 'ticket:' .. id
-- The creation's history goes into the ticket's string (ticket-record.lua): a list key of its own costs about 270 B
-- more. Later entries go to the list (append-history.lua, update.lua).
writeTicket(ticketKey, {number = n, version = version, updatedAt = updatedAt, json = ticketJson, history = history})
redis.call('HSET', prefix .. 'numbers', n, id)
redis.call('HSET', idempotency, idempotencyField, id)
if threadKey ~= '' and threadNumber == '' then
  redis.call('HSET', prefix .. 'threads', threadKey, id)
end
setIndexBit(prefix .. 'index:all', n, '1')
for _, index in ipairs({departmentIndex, statusIndex, priorityIndex, channelIndex}) do
  setIndexBit(prefix .. 'index:' .. index, n, '1')
end
local slaScores = {firstResponseScore, resolutionScore, firstResponseAtRiskScore, resolutionAtRiskScore}
for k = 1, #slaSets do
  if slaScores[k] ~= '' then
    redis.call('ZADD', prefix .. slaSets[k], slaScores[k], n)
  end
end
if breached == '1' then
  setIndexBit(prefix .. 'index:breached', n, '1')
end
local i = outboxAt
for _ = 1, tonumber(ARGV[i]) do
  local event = ARGV[i + 2] .. n .. ARGV[i + 3]
  if string.find(event, numberPlaceholder, 1, true) then
    event = string.gsub(event, numberPlaceholder, n)
  end
  redis.call('XADD', prefix .. 'outbox', '*', 'type', ARGV[i + 1], 'event', event)
  i = i + 3
end
local s = addTicket(prefix, n, i + 1) + 1
if ARGV[s] ~= '' then
  return {0, id, n, followsUp, countReview(ARGV[s], ARGV[s + 1], n .. ARGV[s + 2], tonumber(ARGV[s + 3]),
    tonumber(ARGV[s + 4]), tonumber(ARGV[s + 5]), tonumber(ARGV[s + 6]))}
end
return {0, id, n, followsUp}
