-- wrk script for bench/replay.ts: sends the requests listed in a file, one per line
-- ("METHOD\tPATH\tname\31value\30name\31value\tBODY"), each once and in order across the connections.
local requests = {}
local next_index = 0
local answered = 0
local share = 0

local function split(text, separator)
  local parts, from = {}, 1
  while true do
    local at = text:find(separator, from, true)
    if not at then
      parts[#parts + 1] = text:sub(from)
      return parts
    end
    parts[#parts + 1] = text:sub(from, at - 1)
    from = at + 1
  end
end

function init(args)
  local file = assert(io.open(args[1], "r"))
  for line in file:lines() do
    local fields = split(line, "\t")
    local headers = {}
    if fields[3] ~= "" then
      for _, pair in ipairs(split(fields[3], "\30")) do
        local name_value = split(pair, "\31")
        headers[name_value[1]] = name_value[2]
      end
    end
    requests[#requests + 1] = wrk.format(fields[1], fields[2], headers, fields[4])
  end
  file:close()
  -- With one thread (-t1) the thread sends the whole list.
  share = #requests
end

function request()
  next_index = next_index + 1
  return requests[((next_index - 1) % #requests) + 1]
end

-- wrk sleeps for its whole -d duration whatever its threads do; bench/replay.ts interrupts it (SIGINT, after which
-- it reports the time actually taken) as soon as this line appears.
function response()
  answered = answered + 1
  if answered == share then
    io.write("replay: all answered\n")
    io.flush()
    wrk.thread:stop()
  end
end
