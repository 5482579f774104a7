-- outbox-trim: removes from the outbox stream the entries every consumer group has acknowledged. Returns the number
-- of entries removed. A group with pending entries keeps everything from its lowest pending one; a group without keeps
-- everything after its last delivered id. No group (no notifier has read yet): nothing is removed.
--
-- ARGV (OutboxTrimScriptArgs):
--   1  streamKey   the outbox stream, {prefix}outbox

local streamKey = ARGV[1]
local key = streamKey
if redis.call('EXISTS', key) == 0 then
  return 0
end

local groups = redis.call('XINFO', 'GROUPS', key)
if #groups == 0 then
  return 0
end

local function parse(id)
  local ms, seq = string.match(id, '^(%d+)-(%d+)$')
  return tonumber(ms), tonumber(seq)
end

local keep_ms, keep_seq
for _, group in ipairs(groups) do
  local fields = {}
  for i = 1, #group, 2 do
    fields[group[i]] = group[i + 1]
  end

  local ms, seq
  if tonumber(fields['pending']) > 0 then
    local summary = redis.call('XPENDING', key, fields['name'])
    ms, seq = parse(summary[2])
  else
    ms, seq = parse(fields['last-delivered-id'])
    seq = seq + 1
  end

  if keep_ms == nil or ms < keep_ms or (ms == keep_ms and seq < keep_seq) then
    keep_ms, keep_seq = ms, seq
  end
end

return redis.call('XTRIM', key, 'MINID', string.format('%.0f-%.0f', keep_ms, keep_seq))
