-- review-count: a fragment, joined in front of review-signal.lua and create.lua (see RedisScripts).
--
-- countReview(seen, flag, member, at, windowMs, threshold, most): records one app review under its signature and
-- counts the reviews within the window. Drops entries older than the window, adds the review with ZADD NX (a replay
-- keeps the first score and counts once), sets the flag to the member when the count reaches the threshold and no
-- flag is set, pushes the flag's expiry a window ahead on each new review, and keeps seen for two windows. Returns
-- {count, 1 when the flag holds this member else 0, {member, score, ...} of the first most entries when it does, else
-- {}} (only the review that crossed names the others: an alert lists them).
--   seen    {prefix}reviews:{signature}:seen, member -> the review's instant (unix ms)
--   flag    {prefix}reviews:{signature}:frequent, the member whose review crossed the threshold
--   member  {ticketNumber}|{version}
local function countReview(seen, flag, member, at, windowMs, threshold, most)
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
  if owner ~= member then
    return { count, 0, {} }
  end
  return { count, 1, redis.call('ZRANGE', seen, 0, most - 1, 'WITHSCORES') }
end
