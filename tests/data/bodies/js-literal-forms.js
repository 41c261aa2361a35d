// written for the test: the literal forms the docs' JS uses, in one call
BX24.callMethod("x.item.add", {
  fields: {
    NAME: 'It\'s', // a comment
    "QUOTED": "a\u00e9\x41", /* block */
    123: 0x1F,
    big: 1_000,
    neg: -2.5e1,
    list: [1, , 'two',],
    tpl: `plain`,
    tplx: `id ${id}`,
    when: new Date(),
    sum: 'a' + b,
    id,
    nested: { yes: true, no: false, nil: null, },
  },
  cb: (r) => r.data(),
}, function (result) {});
