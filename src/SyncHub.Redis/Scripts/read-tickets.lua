-- read-tickets: a fragment, joined in front of list.lua and search.lua (see RedisScripts), after ticket-record.lua.
--
-- appendTicket(result, prefix, number): appends the id, json, number, version and updatedAt of the ticket with that
-- number to result; nothing when the number names no stored ticket.
local function appendTicket(result, prefix, number)
  local id = redis.call('HGET', prefix .. 'numbers', number)
  if id then
    local record = readTicket(prefix .. 'ticket:' .. id)
    if record then
      result[#result + 1] = id
      result[#result + 1] = record.json
      result[#result + 1] = record.number
      result[#result + 1] = record.version
      result[#result + 1] = record.updatedAt
    end
  end
end
