import { p } from '@mikro-orm/core';

/** Currency amounts: exact decimal with cents (a bare decimal is numeric(10,0) on PostgreSQL and drops them). */
export const moneyColumn = () => p.decimal('number').precision(14).scale(2);
