-- Drives Neovim's own LSP client, configured by the README's init.lua (loaded with -u), against
-- shuzhi-language-server, headless. Writes what it saw as JSON; neovim.test.ts compares it with the CLI.
local draft = os.getenv('SHUZHI_DRAFT')
local note = os.getenv('SHUZHI_NOTE')
local out = os.getenv('SHUZHI_OUT')
local result = { errors = {} }

local function wait(predicate) return vim.wait(20000, predicate, 20) end
local function code_of(d) return d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code) end
local function seen(buf)
  local list = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do table.insert(list, { line = d.lnum + 1, rule = code_of(d), message = d.message }) end
  return list
end
-- The client the README's FileType autocommand started for this buffer.
local function client_of(buf)
  local client
  wait(function()
    for _, c in pairs(vim.lsp.buf_get_clients(buf)) do client = c end
    return client ~= nil
  end)
  if not client then error('the README setup attached no client to ' .. vim.api.nvim_buf_get_name(buf)) end
  return client
end

local ok, problem = pcall(function()
  vim.o.hidden = true -- the draft stays open, edited, while the note is opened
  vim.cmd('edit ' .. vim.fn.fnameescape(draft))
  local buf = vim.api.nvim_get_current_buf()
  local client = client_of(buf)
  if not wait(function() return #vim.diagnostic.get(buf) > 0 end) then error('no diagnostics') end
  result.diagnostics = seen(buf)

  -- A quick fix: the first heading-sequence finding, fixed through textDocument/codeAction.
  local target
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    if code_of(d) == 'heading-sequence' then target = d break end
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
    message = target.message, code = 'heading-sequence', source = 'shuzhi', severity = target.severity,
  }
  local actions = client.request_sync('textDocument/codeAction', {
    textDocument = { uri = vim.uri_from_bufnr(buf) },
    range = lsp_diagnostic.range,
    context = { diagnostics = { lsp_diagnostic }, only = { 'quickfix' } },
  }, 10000, buf)
  for _, action in ipairs(actions.result or {}) do
    if action.isPreferred then -- the single fix for this finding
      vim.lsp.util.apply_workspace_edit(action.edit, client.offset_encoding or 'utf-16')
      result.fixedLine = vim.api.nvim_buf_get_lines(buf, target.lnum, target.lnum + 1, false)[1]
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

  -- A note, checked only because the settings say scope = all.
  vim.cmd('edit ' .. vim.fn.fnameescape(note))
  local note_buf = vim.api.nvim_get_current_buf()
  client_of(note_buf)
  wait(function() return #vim.diagnostic.get(note_buf) > 0 end)
  result.noteDiagnostics = seen(note_buf)
  vim.cmd('buffer ' .. buf)

  -- A rule turned off later, as a user does: change the client's settings and tell the server.
  client.config.settings.shuzhi.rules['placeholder'] = 'off'
  client.notify('workspace/didChangeConfiguration', { settings = client.config.settings })
  result.ruleOff = wait(function()
    local diagnostics = vim.diagnostic.get(buf)
    if #diagnostics == 0 then return false end
    for _, d in ipairs(diagnostics) do
      if code_of(d) == 'placeholder' then return false end
    end
    return true
  end)
end)
if not ok then table.insert(result.errors, tostring(problem)) end
vim.fn.writefile({ vim.fn.json_encode(result) }, out)
vim.cmd('qa!')
