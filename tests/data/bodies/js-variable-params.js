// written for the test: the parameters in a variable assigned before the call,
// method-under-test: x.item.get
// a callback in the place of the parameters of a second call
var params = {
    ID: 5, // no semicolon after the object: the next line starts a statement
}
BX24.callMethod('user.current', function (r) { console.log(r); });
BX24.callMethod('x.item.get', params, function (r) {});
