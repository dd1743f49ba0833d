import { DynamicModule, Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { Topic } from '@icims-sync/contracts';
import { PlatformModule } from '@icims-sync/platform';
import { HrSandboxConfig } from './config/app.config';
import { EmployeeDocument, EmployeeSchema } from './employees/employee.schema';
import { EmployeesController } from './employees/employees.controller';
import { SaveEventsController } from './employees/save-events.controller';
import { EmployeesService } from './employees/employees.service';
import { CustomFieldDocument, CustomFieldSchema, UserDocument, UserSchema } from './users/user.schema';
import { UsersController } from './users/users.controller';

export const SERVICE_NAME = 'hr-sandbox';

/** A stand-in HR system: employees, users and roles, profile fields, and save events. */
@Module({})
export class HrSandboxModule {
  static forRoot(config: HrSandboxConfig): DynamicModule {
    return {
      module: HrSandboxModule,
      imports: [
        PlatformModule.forRoot({ service: SERVICE_NAME, config, kafka: { topics: [Topic.EmployeeUpdated] }, mongo: {} }),
        MongooseModule.forFeature([
          { name: EmployeeDocument.name, schema: EmployeeSchema },
          { name: UserDocument.name, schema: UserSchema },
          { name: CustomFieldDocument.name, schema: CustomFieldSchema },
        ]),
      ],
      controllers: [EmployeesController, UsersController, SaveEventsController],
      providers: [EmployeesService, { provide: HrSandboxConfig, useValue: config }],
    };
  }
}
