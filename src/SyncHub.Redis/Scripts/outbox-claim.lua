-- outbox-claim: claims up to count entries of the group pending longer than minIdleMs for consumer (XAUTOCLAIM from
-- the start of the pending list until enough are claimed or the list is walked), and reads each claimed entry's
-- delivery count in the same atomic step, so no other claim can come in between. Entries deleted from the stream
-- while pending are dropped from the pending list (Redis 7 does that itself; on 6.2 they come back without fields and
-- are acknowledged here). Returns {id, delivery count, event JSON, ...}.
--
-- ARGV (OutboxClaimScriptArgs):
--   1  streamKey   the outbox stream, {prefix}outbox
--   2  group
--   3  consumer
--   4  minIdleMs
--   5  count
local streamKey = ARGV[1]
local group = ARGV[2]
local consumer = ARGV[3]
local minIdleMs = ARGV[4]
local count = tonumber(ARGV[5])

local claimed, found, cursor = {}, 0, '0-0'
repeat
  local reply = redis.call('XAUTOCLAIM', streamKey, group, consumer, minIdleMs, cursor, 'COUNT', count - found)
  cursor = reply[1]
  for _, entry in ipairs(reply[2]) do
    if entry and entry[2] then
      local id, fields, json = entry[1], entry[2], false
      for f = 1, #fields, 2 do
        if fields[f] == 'event' then
          json = fields[f + 1]
        end
      end
      local pending = redis.call('XPENDING', streamKey, group, id, id, 1)
      claimed[#claimed + 1] = id
      claimed[#claimed + 1] = pending[1][4]
      claimed[#claimed + 1] = json
      found = found + 1
    elseif entry and entry[1] then
      redis.call('XACK', streamKey, group, entry[1])
    end
  end
until cursor == '0-0' or found >= count
return claimed
