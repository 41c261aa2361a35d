// corpus: b24restdocs-2025-08-20/api-reference/vote/vote.attachedvote.vote.md:121 (JS)
try
{
    const response = await $b24.callMethod(
        'vote.AttachedVote.vote',
        {
            attachId: **put_attach_id**,
            ballot: {
                '1': ['2', '3'],
                '2': ['5']
            }
        }
    );
    
    const result = response.getData().result;
    console.log('Created element with ID:', result);
    
    processResult(result);
}
catch( error )
{
    console.error('Error:', error);
}
