-- Valid OAuth token on every request (cache hit after the first).
local token = os.getenv("LOAD_TOKEN")
wrk.headers["X-Auth-Token"] = token
dofile(os.getenv("LOAD_DIR") .. "/report.lua")
