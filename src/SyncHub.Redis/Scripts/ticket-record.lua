-- ticket-record: a fragment, joined in front of the scripts that read or write a ticket (see RedisScripts).
--
-- A ticket is one string at {p}ticket:{id}: a header line, then its JSON, then its first history element:
--   number SP version SP updatedAt SP merged SP jsonLength LF json history
-- merged is the survivor's id ('' when not merged); jsonLength counts the bytes of json; history is the creation's
-- entries when they are one element ('' when there were several, and after a merge): the later elements are the
-- list {p}ticket:{id}:history. JSON and history are opaque here (StoredForm in .NET: plain or compressed). One string
-- costs about 340 B less than the hash of fields that earlier versions wrote (a hash keeps values longer than
-- 64 bytes in a table of its own); such a hash is read as it is and becomes a string at the ticket's next write.
--
-- readTicket(key): {number, version, updatedAt, merged (false: none), json, history (false: none)}, or false when
-- no ticket is stored at key. writeTicket(key, t) stores t as the string.
local function readTicket(key)
  local value = redis.pcall('GET', key)
  if type(value) == 'table' then
    if not (value.err and string.find(value.err, 'WRONGTYPE', 1, true)) then
      error(value)
    end
    local f = redis.call('HMGET', key, 'number', 'version', 'updatedAt', 'merged', 'json', 'history')
    if not f[5] then
      return false
    end
    return {number = f[1], version = f[2], updatedAt = f[3], merged = f[4], json = f[5], history = f[6]}
  end
  if not value then
    return false
  end
  local number, version, updatedAt, merged, length, at = string.match(value, '^(%d+) (%d+) (%S+) (%S*) (%d+)\n()')
  if not at then
    error('the ticket at ' .. key .. ' is neither a hash nor a ticket string')
  end
  local jsonEnd = at + tonumber(length) - 1
  local history = false
  if jsonEnd < #value then
    history = string.sub(value, jsonEnd + 1)
  end
  if merged == '' then
    merged = false
  end
  return {number = number, version = version, updatedAt = updatedAt, merged = merged,
    json = string.sub(value, at, jsonEnd), history = history}
end

local function writeTicket(key, t)
  redis.call('SET', key, t.number .. ' ' .. t.version .. ' ' .. t.updatedAt .. ' ' .. (t.merged or '') .. ' '
    .. #t.json .. '\n' .. t.json .. (t.history or ''))
end
