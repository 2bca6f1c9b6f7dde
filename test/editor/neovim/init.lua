-- Headless Neovim as a second LSP client (works on 0.7: vim.lsp.start arrived in 0.8).
-- The runner passes the server command (JSON array), the file to open and the output path in the
-- environment, and reads the diagnostics this writes. (Files given on the command line are loaded only
-- after init.lua has run, so the file is opened here.)
local cmd = vim.fn.json_decode(os.getenv('PHISAFE_SERVER_CMD'))
local file = os.getenv('PHISAFE_FILE')
local out = os.getenv('PHISAFE_OUT')

vim.cmd('filetype on')
vim.cmd('edit ' .. vim.fn.fnameescape(file))
local bufnr = vim.api.nvim_get_current_buf()

local client_id = vim.lsp.start_client({
  name = 'phisafe',
  cmd = cmd,
  root_dir = vim.fn.fnamemodify(file, ':h'),
})
vim.lsp.buf_attach_client(bufnr, client_id)

vim.wait(15000, function()
  return #vim.diagnostic.get(bufnr) > 0
end, 100)

local fh = io.open(out, 'w')
fh:write(vim.fn.json_encode(vim.diagnostic.get(bufnr)))
fh:close()
vim.lsp.stop_client(client_id, true)
vim.cmd('qall!')
