// corpus: b24restdocs-2026-08-21/api-reference/crm/deals/crm-deal-list.md:251 (JS (UMD))
<!-- Load the SDK (UMD build); it is exposed as the global B24Js -->
<script src="https://unpkg.com/@bitrix24/b24jssdk@1/dist/umd/index.min.js"></script>
<script>
  async function listDeals() {
    try {
      // Initialize the SDK inside a Bitrix24 frame
      const $b24 = await B24Js.initializeB24Frame()

      const now = new Date()
      const sixMonthAgo = new Date()
      sixMonthAgo.setMonth(now.getMonth() - 6)

      // crm.deal.list returns a single page (max 50 records). For the whole result set
      // use a list helper: $b24.actions.v2.callList.make() returns every record as one
      // array, $b24.actions.v2.fetchList.make() yields them in chunks (async generator).
      // NOTE: the list helpers do not accept `order` (it is excluded from their params, so
      // passing it is a TS error) — keep this call.make + `start` variant when sort matters.
      const response = await $b24.actions.v2.call.make({
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
        requestId: B24Js.Text.getUuidRfc4122()
      })

      // The payload is available only on a successful response
      if (!response.isSuccess) {
        console.error(response.getErrorMessages().join('; '))
        return
      }

      const result = response.getData().result
      console.info('Deals on this page:', result.length, result)
    } catch (error) {
      // Thrown on transport or SDK failures (AjaxError, SdkError, etc.)
      console.error(error)
    }
  }

  document.addEventListener('DOMContentLoaded', listDeals)
</script>
