/** Bundle entry of dist/server.js: the transport (IPC, stdio, socket) comes from the command line. */
import { startServer } from './server';

startServer();
