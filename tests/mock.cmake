# The mock portal (src/mock): the form decoder alone, then the real server on a
# free port called by real clients (curl, Node's fetch), the family store on the
# corpus, every fault, and a valgrind run over a clean shutdown.
set(B24_MOCK_TESTS ${CMAKE_CURRENT_LIST_DIR}/mock)

add_executable(test_mock_form ${B24_MOCK_TESTS}/test_form.c)
target_link_libraries(test_mock_form PRIVATE b24core)
add_test(NAME mock.form COMMAND test_mock_form)

add_test(NAME mock.http COMMAND bash ${B24_MOCK_TESTS}/http.sh ${B24_BIN} ${B24_ROOT}/docs-input)
set_tests_properties(mock.http PROPERTIES TIMEOUT 120)
