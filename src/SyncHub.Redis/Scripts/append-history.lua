-- append-history: a fragment, joined in front of create.lua and update.lua (see RedisScripts).
--
-- appendHistory(ticketKey, at): ARGV[at] is a count of history JSON entries that follow it; they are appended to
-- the ticket's history list. Returns the position after them (where the outbox count is).
local function appendHistory(ticketKey, at)
  local count = tonumber(ARGV[at])
  if count > 0 then
    redis.call('RPUSH', ticketKey .. ':history', unpack(ARGV, at + 1, at + count))
  end
  return at + count + 1
end
