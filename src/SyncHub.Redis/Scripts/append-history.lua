-- append-history: a fragment, joined in front of update.lua (see RedisScripts).
--
-- appendHistory(ticketKey, at): ARGV[at] is a count of history elements that follow it; they are appended to the
-- ticket's history list. An element is one entry's JSON, or several entries' JSON array, plain or compressed
-- (StoredForm in .NET; opaque here). Returns the position after them (where the outbox count is).
local function appendHistory(ticketKey, at)
  local count = tonumber(ARGV[at])
  if count > 0 then
    redis.call('RPUSH', ticketKey .. ':history', unpack(ARGV, at + 1, at + count))
  end
  return at + count + 1
end
