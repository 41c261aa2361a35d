// corpus: b24restdocs-2026-08-21/api-reference/crm/deals/crm-deal-list.md:171 (JS (TS))
// This snippet is an ES module: top-level await requires type="module" or a bundler.
// $b24 is an already-initialized SDK instance (see the SDK "Get started" guide).
import { Text } from '@bitrix24/b24jssdk'
import type { B24Frame, ISODate } from '@bitrix24/b24jssdk'

declare const $b24: B24Frame

// Shape of each deal returned in result[] (subset shaped by `select`)
type CrmDealListItem = {
  ID: string
  TITLE: string
  TYPE_ID: string
  CATEGORY_ID: string
  STAGE_ID: string
  OPPORTUNITY: string
  IS_MANUAL_OPPORTUNITY: string
  ASSIGNED_BY_ID: string
  DATE_CREATE: ISODate | null
}

const now = new Date()
const sixMonthAgo = new Date()
sixMonthAgo.setMonth(now.getMonth() - 6)

try {
  // crm.deal.list returns a single page (max 50 records). For the whole result set
  // use a list helper: $b24.actions.v2.callList.make() returns every record as one
  // array, $b24.actions.v2.fetchList.make() yields them in chunks (async generator).
  // NOTE: the list helpers do not accept `order` (it is excluded from their params, so
  // passing it is a TS error) — keep this call.make + `start` variant when sort matters.
  const response = await $b24.actions.v2.call.make<CrmDealListItem[]>({
    method: 'crm.deal.list',
    params: {
      select: [
        'ID',
        'TITLE',
        'TYPE_ID',
        'CATEGORY_ID',
        'STAGE_ID',
        'OPPORTUNITY',
        'IS_MANUAL_OPPORTUNITY',
        'ASSIGNED_BY_ID',
        'DATE_CREATE',
      ],
      filter: {
        '=%TITLE': '%a',
        CATEGORY_ID: 1,
        TYPE_ID: 'COMPLEX',
        STAGE_ID: 'C1:NEW',
        '>OPPORTUNITY': 10000,
        '<=OPPORTUNITY': 20000,
        IS_MANUAL_OPPORTUNITY: 'Y',
        '@ASSIGNED_BY_ID': [1, 6],
        '>DATE_CREATE': sixMonthAgo,
      },
      order: {
        TITLE: 'ASC',
        OPPORTUNITY: 'ASC',
      },
      start: 0,
    },
    requestId: Text.getUuidRfc4122()
  })

  // The payload is available only on a successful response
  if (!response.isSuccess) {
    console.error(response.getErrorMessages().join('; '))
  } else {
    const result = response.getData()!.result
    console.info('Deals on this page:', result.length, result)
  }
} catch (error) {
  // Thrown on transport or SDK failures (AjaxError, SdkError, etc.)
  console.error(error)
}
