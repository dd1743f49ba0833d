import { applyDecorators } from '@nestjs/common';
import { ApiQuery } from '@nestjs/swagger';
import { SYNC_DIRECTIONS, SYNC_OUTCOMES, SYNC_RUN_STATUSES, SYNC_TRIGGERS } from '@icims-sync/contracts';

// The query DTOs live in the pure contracts lib (no Swagger there): their OpenAPI side is here.

const cursor = ApiQuery({ name: 'cursor', required: false, type: String, description: 'nextCursor of the previous page.' });

export const RunsQueryDocs = () =>
  applyDecorators(
    ApiQuery({ name: 'direction', required: false, enum: SYNC_DIRECTIONS }),
    ApiQuery({ name: 'trigger', required: false, enum: SYNC_TRIGGERS }),
    ApiQuery({ name: 'status', required: false, enum: SYNC_RUN_STATUSES }),
    ApiQuery({ name: 'from', required: false, type: String, description: 'Runs started at or after this instant (ISO-8601).' }),
    ApiQuery({ name: 'to', required: false, type: String, description: 'Runs started before this instant (ISO-8601).' }),
    ApiQuery({ name: 'limit', required: false, type: Number, description: '1 to 200.' }),
    cursor,
  );

export const RunRecordsQueryDocs = () =>
  applyDecorators(
    ApiQuery({ name: 'outcome', required: false, enum: SYNC_OUTCOMES }),
    ApiQuery({ name: 'limit', required: false, type: Number, description: '1 to 500.' }),
    cursor,
  );
