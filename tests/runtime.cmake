# Tests of the b24rt runtime library (src/runtime): end-to-end calls against a local
# libmicrohttpd server, the helpers for generated stubs, and installation.
set(B24RT_TEST_DIR ${B24_ROOT}/tests/runtime)

add_executable(test_runtime_client ${B24RT_TEST_DIR}/test_client.c ${B24RT_TEST_DIR}/test_server.c)
target_link_libraries(test_runtime_client PRIVATE b24rt PkgConfig::MHD pthread)

# Linked against the shared library on purpose: it checks the exported symbol set.
add_executable(test_runtime_helpers ${B24RT_TEST_DIR}/test_helpers.c)
target_link_libraries(test_runtime_helpers PRIVATE b24rt_shared m)

set(B24RT_CLIENT_CASES webhook_request oauth_request decode_result_and_time api_errors
  retry_rate_limit timeout secret_redaction tls_verification bad_arguments)
foreach(case ${B24RT_CLIENT_CASES})
  add_test(NAME runtime.${case} COMMAND test_runtime_client ${case})
  set_tests_properties(runtime.${case} PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 60 LABELS runtime)
endforeach()
add_test(NAME runtime.helpers COMMAND test_runtime_helpers)

# What generated stubs run on: descriptors, decode paths, batches, list paging, filters.
add_executable(test_runtime_stub ${B24RT_TEST_DIR}/test_stub.c ${B24RT_TEST_DIR}/test_server.c)
target_link_libraries(test_runtime_stub PRIVATE b24rt PkgConfig::MHD pthread)
add_test(NAME runtime.stub COMMAND test_runtime_stub)
set_tests_properties(runtime.stub PROPERTIES LABELS runtime TIMEOUT 60)
set_tests_properties(runtime.helpers PROPERTIES LABELS runtime)

# Installing needs the libraries built; ctest runs after the build, so they are.
set(B24RT_PROBE_FLAGS "")
if(B24_SANITIZE)
  set(B24RT_PROBE_FLAGS "-fsanitize=address,undefined")
endif()
add_test(NAME runtime.install
  COMMAND sh ${B24RT_TEST_DIR}/install_test.sh ${CMAKE_BINARY_DIR} ${B24RT_TEST_DIR}/install_probe.c
          "${B24RT_PROBE_FLAGS}")
set_tests_properties(runtime.install PROPERTIES LABELS runtime ENVIRONMENT "CC=${CMAKE_C_COMPILER}")

# valgrind over every client case (a sanitizer build cannot run under valgrind).
find_program(B24RT_VALGRIND valgrind)
if(B24RT_VALGRIND AND NOT B24_SANITIZE)
  add_test(NAME runtime.valgrind
    COMMAND ${B24RT_VALGRIND} --quiet --error-exitcode=99 --leak-check=full
            --errors-for-leak-kinds=definite,indirect --show-leak-kinds=definite,indirect
            $<TARGET_FILE:test_runtime_client> all)
  set_tests_properties(runtime.valgrind PROPERTIES LABELS runtime TIMEOUT 300 SKIP_RETURN_CODE 77)
  add_test(NAME runtime.stub.valgrind
    COMMAND ${B24RT_VALGRIND} --quiet --error-exitcode=99 --leak-check=full
            --errors-for-leak-kinds=definite,indirect --show-leak-kinds=definite,indirect
            $<TARGET_FILE:test_runtime_stub>)
  set_tests_properties(runtime.stub.valgrind PROPERTIES LABELS runtime TIMEOUT 120)
endif()
