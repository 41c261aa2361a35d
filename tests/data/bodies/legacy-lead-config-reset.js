// corpus: b24restdocs-2025-08-20/api-reference/crm/leads/custom-form/crm-lead-details-configuration-reset.md:61 (JS)
//---
//Reset personal settings of lead cards for the user with identifier 1.
BX24.callMethod(
    "crm.lead.details.configuration.reset",
    {
        scope: "P",
        userId: 1
    },
    function(result)
    {
        if(result.error())
            console.error(result.error());
        else
            console.dir(result.data());
    }
);
//---
