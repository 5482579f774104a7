-- get: reads one ticket with its history, by id or (id '') by number. Returns nil, or
-- {id, json, number, version, updatedAt, {history elements...}}: the ticket's own history element (a creation's
-- entries, ticket-record.lua) first when it has one, then the elements of its history list.
-- Runs after ticket-record.lua (readTicket), which RedisScripts joins in front.
--
-- ARGV (GetScriptArgs):
--   1  prefix    the key prefix; every key is derived from it
--   2  id        '' to read by number
--   3  number    read when id is ''
local prefix = ARGV[1]
local id = ARGV[2]
local number = ARGV[3]

if id == '' then
  id = redis.call('HGET', prefix .. 'numbers', number)
  if not id then
    return nil
  end
end
local ticketKey = prefix .. 'ticket:' .. id
local record = readTicket(ticketKey)
if not record then
  return nil
end
local history = redis.call('LRANGE', ticketKey .. ':history', 0, -1)
if record.history then
  table.insert(history, 1, record.history)
end
return {id, record.json, record.number, record.version, record.updatedAt, history}
