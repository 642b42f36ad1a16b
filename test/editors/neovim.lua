-- Drives Neovim's own LSP client against shuzhi-language-server, headless. Prints one JSON line of
-- what it saw; the mocha test (neovim.test.ts) compares it with the CLI. Works with Neovim 0.7+.
local server = os.getenv('SHUZHI_SERVER')
local draft = os.getenv('SHUZHI_DRAFT')
local out = os.getenv('SHUZHI_OUT')
local result = { errors = {} }

local function finish()
  vim.fn.writefile({ vim.fn.json_encode(result) }, out)
  vim.cmd('qa!')
end

local ok, problem = pcall(function()
  vim.cmd('edit ' .. vim.fn.fnameescape(draft))
  local buf = vim.api.nvim_get_current_buf()
  local client_id = vim.lsp.start_client({
    name = 'shuzhi',
    cmd = { 'node', server, '--stdio' },
    root_dir = vim.fn.fnamemodify(draft, ':h'),
    settings = { shuzhi = { debounceMs = 0 } },
  })
  vim.lsp.buf_attach_client(buf, client_id)
  local client = vim.lsp.get_client_by_id(client_id)
  local function wait(predicate) return vim.wait(15000, predicate, 20) end

  if not wait(function() return #vim.diagnostic.get(buf) > 0 end) then error('no diagnostics') end
  result.diagnostics = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    table.insert(result.diagnostics, { line = d.lnum + 1, rule = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code), message = d.message })
  end

  -- A quick fix: the first ordinal-style finding, fixed through textDocument/codeAction.
  local target
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
    if code == 'ordinal-style' then target = d break end
  end
  -- vim.diagnostic keeps byte columns; LSP wants UTF-16 code units, as the server sent them.
  local function utf16(lnum, col)
    local text = vim.api.nvim_buf_get_lines(buf, lnum, lnum + 1, false)[1] or ''
    return vim.str_utfindex(text, math.min(col, #text))
  end
  -- Neovim 0.7 keeps only the extra fields (code, codeDescription) in user_data.lsp: rebuild the rest.
  local lsp_diagnostic = {
    range = {
      start = { line = target.lnum, character = utf16(target.lnum, target.col) },
      ['end'] = { line = target.end_lnum, character = utf16(target.end_lnum, target.end_col) },
    },
    message = target.message, code = 'ordinal-style', source = 'shuzhi', severity = target.severity,
  }
  local actions = client.request_sync('textDocument/codeAction', {
    textDocument = { uri = vim.uri_from_bufnr(buf) },
    range = lsp_diagnostic.range,
    context = { diagnostics = { lsp_diagnostic }, only = { 'quickfix' } },
  }, 10000, buf)
  result.actionTitles = {}
  for _, action in ipairs(actions.result or {}) do
    table.insert(result.actionTitles, action.title)
    if action.title:find('^改为') then
      vim.lsp.util.apply_workspace_edit(action.edit, client.offset_encoding or 'utf-16')
      result.fixedLine = vim.api.nvim_buf_get_lines(buf, lsp_diagnostic.range.start.line, lsp_diagnostic.range.start.line + 1, false)[1]
      break
    end
  end

  -- A completion after a finished 一是 item on a new line.
  local last = vim.api.nvim_buf_line_count(buf)
  vim.api.nvim_buf_set_lines(buf, last, last, false, { '一是加强学习。' })
  local line = vim.api.nvim_buf_line_count(buf) - 1
  local completion = client.request_sync('textDocument/completion', {
    textDocument = { uri = vim.uri_from_bufnr(buf) },
    position = { line = line, character = vim.str_utfindex('一是加强学习。') },
  }, 10000, buf)
  local items = completion.result and (completion.result.items or completion.result) or {}
  result.completions = {}
  for _, item in ipairs(items) do table.insert(result.completions, item.label) end

  -- A rule turned off through the client's settings.
  client.notify('workspace/didChangeConfiguration', { settings = { shuzhi = { debounceMs = 0, rules = { ['placeholder'] = 'off' } } } })
  result.ruleOff = wait(function()
    local diagnostics = vim.diagnostic.get(buf)
    if #diagnostics == 0 then return false end
    for _, d in ipairs(diagnostics) do
      local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
      if code == 'placeholder' then return false end
    end
    return true
  end)
end)
if not ok then table.insert(result.errors, tostring(problem)) end
finish()
