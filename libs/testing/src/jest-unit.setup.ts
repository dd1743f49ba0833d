import { Logger } from '@nestjs/common';

// Specs assert on behaviour, not on log output; silence Nest's default console logger.
Logger.overrideLogger(false);
