-- index-bitmaps: a fragment, joined in front of every script that reads or writes the index sets (see RedisScripts).
--
-- The index sets {p}index:* but {p}index:risk (which is scored by time) are bitmaps: a string with bit n set for
-- ticket n (bit 0 is the high bit of the first byte). Ticket numbers are dense (the counter), so such a set costs N/8
-- bytes for N tickets where the sorted set scored by number it replaced cost about 100 bytes a member; BITCOUNT is its
-- size, GETBIT a membership, and search.lua combines them with BITOP.
--
-- A deployment written before held them as sorted sets (member and score the number). A bit command on such a key
-- answers WRONGTYPE: indexBits then converts the key to a bitmap, in the same call, and runs the command again, so
-- there is no upgrade step. A script touches each index key through indexBits before any other command on it.
--
-- isIndexBitmap(key)            whether key (after the prefix) is one of these bitmaps
-- indexBits(command, key, ...)  runs the bit command on key (the whole key), converting an old sorted set first
-- setIndexBit(key, n, bit)      SETBIT through indexBits: bit '1' puts ticket n in, '0' takes it out
-- descendingBits(key, below)    an iterator over the set bits of key below the number below (nil: all), highest first
-- wrongType(reply)              true when a pcall reply is a WRONGTYPE error; any other error is raised

-- True when a reply is a WRONGTYPE error; any other error is raised.
local function wrongType(reply)
  if type(reply) == 'table' and reply.err then
    if string.find(reply.err, 'WRONGTYPE', 1, true) then
      return true
    end
    error(reply)
  end
  return false
end

local function isIndexBitmap(key)
  return string.sub(key, 1, 6) == 'index:' and key ~= 'index:risk'
end

-- Replaces the sorted set at key by the bitmap of its members: the bytes built in Lua and written with one SET.
local function convertIndex(key)
  local bytes = {}
  local top = -1
  for _, member in ipairs(redis.call('ZRANGE', key, 0, -1)) do
    local n = tonumber(member)
    local at = math.floor(n / 8)
    bytes[at] = bit.bor(bytes[at] or 0, bit.rshift(128, n % 8))
    if at > top then
      top = at
    end
  end
  local pieces = {}
  for from = 0, top, 4096 do
    local chunk = {}
    for at = from, math.min(from + 4095, top) do
      chunk[#chunk + 1] = bytes[at] or 0
    end
    pieces[#pieces + 1] = string.char(unpack(chunk))
  end
  redis.call('DEL', key)
  if top >= 0 then
    redis.call('SET', key, table.concat(pieces))
  end
end

local function indexBits(command, key, ...)
  local reply = redis.pcall(command, key, ...)
  if wrongType(reply) then
    convertIndex(key)
    reply = redis.call(command, key, ...)
  end
  return reply
end

local function setIndexBit(key, n, value)
  return indexBits('SETBIT', key, n, value)
end

-- The set bits are read backwards in chunks (GETRANGE), 256 bytes first and twice as many each time up to 64 KB, so a
-- first page reads little and a long walk few times; string.find finds the next byte that is not zero at C speed.
local function descendingBits(key, below)
  local top = indexBits('STRLEN', key) * 8 - 1
  if below and below - 1 < top then
    top = below - 1
  end
  local firstByte = math.floor(top / 8)
  local hi = firstByte
  local size = 256
  local chunk, base, at = '', -1, 1
  local byte, byteAt, offset = 0, 0, -1
  return function()
    while true do
      while offset >= 0 do
        local o = offset
        offset = offset - 1
        if bit.band(byte, bit.rshift(128, o)) ~= 0 then
          return byteAt * 8 + o
        end
      end
      local found = string.find(chunk, '[^%z]', at)
      if found then
        byteAt = base - (found - 1)
        byte = string.byte(chunk, found)
        at = found + 1
        offset = 7
        if byteAt == firstByte then
          offset = top % 8
        end
      elseif hi < 0 then
        return nil
      else
        local lo = math.max(0, hi - size + 1)
        chunk = string.reverse(redis.call('GETRANGE', key, lo, hi))
        base, at, hi = hi, 1, lo - 1
        size = math.min(2 * size, 65536)
      end
    end
  end
end
