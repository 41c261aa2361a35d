# The mock portal (src/mock): the form decoder alone, then the real server on a
# free port called by real clients (curl, Node's fetch), the family store on the
# corpus, every fault, and a valgrind run over a clean shutdown.
set(B24_MOCK_TESTS ${CMAKE_CURRENT_LIST_DIR}/mock)

add_executable(test_mock_form ${B24_MOCK_TESTS}/test_form.c)
target_link_libraries(test_mock_form PRIVATE b24core)
add_test(NAME mock.form COMMAND test_mock_form)

add_test(NAME mock.http COMMAND bash ${B24_MOCK_TESTS}/http.sh ${B24_BIN} ${B24_ROOT}/docs-input)
set_tests_properties(mock.http PROPERTIES TIMEOUT 600)

find_program(B24_MOCK_NODE node)
if(B24_MOCK_NODE)
  add_test(NAME mock.fetch
    COMMAND ${B24_MOCK_NODE} ${B24_MOCK_TESTS}/fetch.mjs ${B24_BIN} ${B24_ROOT}/docs-input)
  set_tests_properties(mock.fetch PROPERTIES TIMEOUT 600)
endif()

add_test(NAME mock.crud COMMAND bash ${B24_MOCK_TESTS}/crud.sh ${B24_BIN} ${B24_CORPUS})
set_tests_properties(mock.crud PROPERTIES TIMEOUT 600 SKIP_RETURN_CODE 77)

add_test(NAME mock.faults
  COMMAND bash ${B24_MOCK_TESTS}/faults.sh ${B24_BIN} ${B24_ROOT}/docs-input ${B24_CORPUS})
set_tests_properties(mock.faults PROPERTIES TIMEOUT 600)

# valgrind cannot run a sanitizer build.
if(NOT B24_SANITIZE)
  add_test(NAME mock.valgrind
    COMMAND bash ${B24_MOCK_TESTS}/valgrind.sh ${B24_BIN} ${B24_ROOT}/docs-input ${B24_CORPUS})
  set_tests_properties(mock.valgrind PROPERTIES TIMEOUT 900 SKIP_RETURN_CODE 77)
endif()
