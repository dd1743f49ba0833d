#!/usr/bin/env node
// CI's install step: the lockfile guard and a clean `npm ci`, whatever node_modules holds.
import { installDependencies } from './prepare.mjs';

installDependencies();
