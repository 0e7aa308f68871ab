-- Invalid tokens: FLOOD_MODE=shape sends random strings that cannot be tokens (wrong checksum);
-- FLOOD_MODE=distinct cycles through a file of well-formed but unknown tokens.
local mode = os.getenv("FLOOD_MODE")
local tokens = {}
if mode == "distinct" then
  for line in io.lines(os.getenv("FLOOD_TOKENS")) do tokens[#tokens + 1] = line end
end
local alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
local counter = 0
request = function()
  local token
  if mode == "distinct" then
    counter = counter + 1
    token = tokens[(counter % #tokens) + 1]
  else
    local chars = {}
    for i = 1, 38 do
      local n = math.random(1, #alphabet)
      chars[i] = alphabet:sub(n, n)
    end
    token = "sat_" .. table.concat(chars)
  end
  return wrk.format(nil, nil, { ["X-Auth-Token"] = token })
end
dofile(os.getenv("LOAD_DIR") .. "/report.lua")
