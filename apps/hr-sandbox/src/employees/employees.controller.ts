import { Body, Controller, Get, Headers, Param, Patch, Post, Query } from '@nestjs/common';
import { WriteOrigin } from '@icims-sync/contracts';
import { CreateEmployeeDto, EmployeeFieldsDto, ListEmployeesQueryDto } from './employee.dto';
import { Employee, EmployeesService } from './employees.service';

/** icims-sync marks its own writes so hr-export can suppress their echo. */
export const WRITE_ORIGIN_HEADER = 'x-write-origin';

const originOf = (header: string | undefined): WriteOrigin => (header === 'icims-sync' ? 'icims-sync' : 'hr');

@Controller('tenants/:tenantId/employees')
export class EmployeesController {
  constructor(private readonly employees: EmployeesService) {}

  @Post()
  create(@Param('tenantId') tenantId: string, @Body() body: CreateEmployeeDto, @Headers(WRITE_ORIGIN_HEADER) origin?: string): Promise<Employee> {
    return this.employees.create(tenantId, body, originOf(origin));
  }

  @Patch(':id')
  update(@Param('tenantId') tenantId: string, @Param('id') id: string, @Body() body: EmployeeFieldsDto, @Headers(WRITE_ORIGIN_HEADER) origin?: string): Promise<Employee> {
    return this.employees.update(tenantId, id, body, originOf(origin));
  }

  @Get(':id')
  get(@Param('tenantId') tenantId: string, @Param('id') id: string): Employee {
    return this.employees.get(tenantId, id);
  }

  @Get()
  list(@Param('tenantId') tenantId: string, @Query() query: ListEmployeesQueryDto) {
    return this.employees.list(tenantId, query);
  }
}
