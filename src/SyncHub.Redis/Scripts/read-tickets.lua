-- read-tickets: a fragment, joined in front of list.lua and search.lua (see RedisScripts).
--
-- appendTicket(result, prefix, number): appends the id, json, number, version and updatedAt of the ticket with that
-- number to result; nothing when the number names no stored ticket.
local function appendTicket(result, prefix, number)
  local id = redis.call('HGET', prefix .. 'numbers', number)
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
