// corpus: b24restdocs-2026-08-21/api-reference/events/event-offline-get.md:195 (BX24.js)
BX24.callMethod(
    "event.offline.get",
    {
        "filter": {
            "=MESSAGE_ID": 1,
            "=EVENT_NAME": "ONCRMLEADADD",
            ">=ID": 1
        }
        "auth_connector": "BxTest"
    },
    function(result)
    {
        if(result.error())
            console.error(result.error());
        else
            console.dir(result.data());
    }
);
