-- review-signal: records one app review under its signature and counts the reviews within the window. Drops entries
-- older than the window, adds the review with ZADD NX (a replay keeps the first score and counts once), sets the flag
-- to the member when the count reaches the threshold and no flag is set, pushes the flag's expiry a window ahead on
-- each new review, and keeps seen for two windows. Returns {count, 1 when the flag holds this member else 0,
-- {member, score, ...} of the first most entries}.
--
-- KEYS (ReviewSignalScriptArgs.Keys):
--   1  seen        {prefix}reviews:{signature}:seen, member -> the review's instant
--   2  flag        {prefix}reviews:{signature}:frequent, the member whose review crossed the threshold
--
-- ARGV (ReviewSignalScriptArgs):
--   1  member      {ticketNumber}|{version}
--   2  at          the review's instant, unix ms
--   3  windowMs
--   4  threshold
--   5  most        the most entries returned
local seen = KEYS[1]
local flag = KEYS[2]
local member = ARGV[1]
local at = tonumber(ARGV[2])
local windowMs = tonumber(ARGV[3])
local threshold = tonumber(ARGV[4])
local most = tonumber(ARGV[5])

redis.call('ZREMRANGEBYSCORE', seen, '-inf', at - windowMs)
local added = redis.call('ZADD', seen, 'NX', at, member)
local count = redis.call('ZCARD', seen)
local owner = redis.call('GET', flag)
if not owner then
  if count >= threshold then
    redis.call('SET', flag, member, 'PX', windowMs)
    owner = member
  end
elseif added == 1 then
  redis.call('PEXPIRE', flag, windowMs)
end
redis.call('PEXPIRE', seen, windowMs * 2)
return { count, owner == member and 1 or 0, redis.call('ZRANGE', seen, 0, most - 1, 'WITHSCORES') }
