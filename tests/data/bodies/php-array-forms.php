<?php
// written for the test: array() with keys, integer keys, mixed entries, PHP strings
$result = CRest::call('x.item.add', array(
    'FIELDS' => array(
        'NAME' => "Line\n\$5 \x41",
        'NOTE' => 'it\'s \n raw',
        'WHEN' => date('Y-m-d'),
        "HELLO $name" => 1,
        'LIST' => array(0 => 'a', 1 => 'b'),
        'SPARSE' => [1 => 'a', 2 => 'b'],
        'MIXED' => ['x', 'k' => 'y', 'z'],
        'NUM' => '5', # a comment
        'FLAGS' => [TRUE, False, NULL, 0x10, 1.5],
    ),
));
