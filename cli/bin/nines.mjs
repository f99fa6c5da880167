#!/usr/bin/env node
// The `nines` command at its former path, for scripts that run it by this name: the command
// itself is ./nines.cjs (package.json's `bin`).
import './nines.cjs';
