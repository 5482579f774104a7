-- sla-sets: a fragment, joined in front of create.lua, update.lua and due.lua (see RedisScripts), after
-- index-bitmaps.lua (setIndexBit).
--
-- slaSets: the SLA set suffixes in the order of SlaDeadlineKind (as TicketIndexes.SlaSets; a test compares them).
-- setSla(p, n, scores): puts number n into each set whose score scores[k] is not '' and takes it out of the others.
-- setBreached(p, n, breached): puts n into the breached index (a bitmap) when breached is '1', else takes it out.
local slaSets = {'sla:first-response', 'sla:resolution', 'sla:first-response-at-risk', 'sla:resolution-at-risk'}
local function setSla(p, n, scores)
  for k = 1, #slaSets do
    local score = scores[k]
    if score == '' then
      redis.call('ZREM', p .. slaSets[k], n)
    else
      redis.call('ZADD', p .. slaSets[k], score, n)
    end
  end
end
local function setBreached(p, n, breached)
  setIndexBit(p .. 'index:breached', n, breached)
end
