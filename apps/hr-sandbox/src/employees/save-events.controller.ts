import { Body, Controller, Put } from '@nestjs/common';
import { IsBoolean } from 'class-validator';
import { EmployeesService } from './employees.service';

class SaveEventsDto {
  @IsBoolean({ message: 'originMarker must be true or false' }) originMarker!: boolean;
}

/** Test and demo control, not part of an HR API: whether save events say who saved. */
@Controller('sandbox/save-events')
export class SaveEventsController {
  constructor(private readonly employees: EmployeesService) {}

  @Put()
  configure(@Body() body: SaveEventsDto): { originMarker: boolean } {
    return this.employees.setOriginMarker(body.originMarker);
  }
}
