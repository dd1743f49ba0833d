import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Post, Put } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { ArrayNotEmpty, IsArray, IsBoolean, IsIn, IsString, Length } from 'class-validator';
import { SignJWT } from 'jose';
import { Model } from 'mongoose';
import { HrApiErrorCode } from '@icims-sync/hr-client';
import { AppException } from '@icims-sync/platform';
import { HrSandboxConfig } from '../config/app.config';
import { CustomFieldDocument, HR_ROLES, HrRole, UserDocument } from './user.schema';

class UserDto {
  @IsString() @Length(1, 100) displayName!: string;
  @IsArray() @ArrayNotEmpty() @IsIn(HR_ROLES, { each: true }) roles!: HrRole[];
  @IsBoolean() active!: boolean;
}

class CustomFieldDto {
  @IsIn(['text', 'number', 'date', 'select']) type!: string;
}

const toUser = ({ userId, displayName, roles, active }: UserDocument) => ({ userId, displayName, roles, active });

/** Users with roles and an active flag, the JWTs they sign in with, and profile field definitions. */
@Controller('tenants/:tenantId')
export class UsersController {
  constructor(
    @InjectModel(UserDocument.name) private readonly users: Model<UserDocument>,
    @InjectModel(CustomFieldDocument.name) private readonly fields: Model<CustomFieldDocument>,
    @Inject(HrSandboxConfig) private readonly config: HrSandboxConfig,
  ) {}

  @Put('users/:userId')
  async upsertUser(@Param('tenantId') tenantId: string, @Param('userId') userId: string, @Body() body: UserDto) {
    const document = { _id: `${tenantId}:${userId}`, tenantId, userId, ...body };
    await this.users.replaceOne({ _id: document._id }, document, { upsert: true });
    return toUser(document);
  }

  @Get('users/:userId')
  async getUser(@Param('tenantId') tenantId: string, @Param('userId') userId: string) {
    return toUser(await this.find(tenantId, userId));
  }

  @Get('users')
  async listUsers(@Param('tenantId') tenantId: string) {
    return (await this.users.find({ tenantId }).sort({ _id: 1 }).lean<UserDocument[]>()).map(toUser);
  }

  /** Signs the user in: an HS256 JWT the admin API accepts. Inactive users cannot sign in. */
  @Post('users/:userId/tokens')
  async issueToken(@Param('tenantId') tenantId: string, @Param('userId') userId: string) {
    const user = await this.find(tenantId, userId);
    if (!user.active) throw new AppException(HrApiErrorCode.UserInactive, `user ${userId} is inactive and cannot sign in`, 'forbidden');
    const { JWT_SIGNING_KEY, JWT_ISSUER, JWT_AUDIENCE, JWT_TTL_SECONDS } = this.config;
    const accessToken = await new SignJWT({ tenantId, roles: user.roles, name: user.displayName })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(userId)
      .setIssuer(JWT_ISSUER)
      .setAudience(JWT_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(`${JWT_TTL_SECONDS}s`)
      .sign(new TextEncoder().encode(JWT_SIGNING_KEY));
    return { accessToken, tokenType: 'Bearer', expiresIn: JWT_TTL_SECONDS };
  }

  @Get('custom-fields')
  async listCustomFields(@Param('tenantId') tenantId: string) {
    return (await this.fields.find({ tenantId }).sort({ _id: 1 }).lean<CustomFieldDocument[]>()).map(({ label, type }) => ({ label, type }));
  }

  @Put('custom-fields/:label')
  async putCustomField(@Param('tenantId') tenantId: string, @Param('label') label: string, @Body() body: CustomFieldDto) {
    await this.fields.replaceOne({ _id: `${tenantId}:${label}` }, { _id: `${tenantId}:${label}`, tenantId, label, type: body.type }, { upsert: true });
    return { label, type: body.type };
  }

  @Delete('custom-fields/:label')
  @HttpCode(204)
  async deleteCustomField(@Param('tenantId') tenantId: string, @Param('label') label: string): Promise<void> {
    await this.fields.deleteOne({ _id: `${tenantId}:${label}` });
  }

  private async find(tenantId: string, userId: string): Promise<UserDocument> {
    const user = await this.users.findOne({ _id: `${tenantId}:${userId}` }).lean<UserDocument>();
    if (!user) throw new AppException(HrApiErrorCode.UserNotFound, `tenant ${tenantId} has no user ${userId}`, 'not_found');
    return user;
  }
}
