# Tests of the C client stubs generator (src/gen/c_*.c, `b24spec gen --only c`).
#   cgen.unit                  naming rules, escaping, seed layout, byte-identical output,
#                              a one-page change rewrites only that page's files
#   cgen.seed / cgen.hostile   stubs generated at build time from docs-input and from
#                              tests/data/cgen/hostile, compiled with -Werror into a test
#                              program that calls them against a local HTTP server
#   cgen.hostile.compile.*     the hostile stubs through the generated c/CMakeLists.txt,
#                              gcc and clang, -Wall -Wextra -Wpedantic -Wshadow -Werror
#   cgen.corpus.compile.*      the same for the whole 2026 corpus (skipped when absent)
#   cgen.corpus.deterministic  corpus stubs generated twice are identical
#   cgen.cxx.* / cgen.corpus.cxx  every generated header in one C++ translation unit,
#                              g++ -std=c++11 -Wall -Wextra -Wpedantic -Werror
#   cgen.install.seed          the seed's C installed as a package, its example built
#                              with pkg-config and find_package and run against the mock
#   cgen.corpus.crm            the corpus's C installed the same way, and a CRM program
#                              (tests/cgen/crm_program.c) run against the corpus mock
#                              under valgrind
set(CGEN_TEST_DIR ${B24_ROOT}/tests/cgen)
set(CGEN_RT_TEST_DIR ${B24_ROOT}/tests/runtime)
set(CGEN_CORPUS ${B24_CORPUS}/b24restdocs-2026-08-21)

add_executable(test_cgen_unit ${CGEN_TEST_DIR}/test_unit.c)
target_link_libraries(test_cgen_unit PRIVATE b24core)
add_test(NAME cgen.unit COMMAND test_cgen_unit ${B24_ROOT}/docs-input)
set_tests_properties(cgen.unit PROPERTIES LABELS cgen)

# Stubs of `docs` generated at build time and compiled, warnings as errors, into
# test_cgen_<name> with `test_source`. `files` are the stub file names the naming rules
# give (a rule change shows up here as a build error).
function(cgen_stub_test name docs test_source files)
  set(out ${CMAKE_CURRENT_BINARY_DIR}/cgen-${name})
  set(sources)
  set(headers ${out}/c/include/b24/api.h ${out}/c/include/b24/api_support.h)
  foreach(f ${files})
    list(APPEND sources ${out}/c/src/api/${f}.c)
    list(APPEND headers ${out}/c/include/b24/api/${f}.h)
  endforeach()
  file(GLOB_RECURSE docs_files CONFIGURE_DEPENDS ${docs}/*)
  # b24spec leaves unchanged files alone; the touch keeps make from rerunning it.
  add_custom_command(OUTPUT ${sources} ${headers}
    COMMAND b24spec gen ${docs} -o ${out} --only c
    COMMAND ${CMAKE_COMMAND} -E touch ${sources} ${headers}
    DEPENDS b24spec ${docs_files}
    COMMENT "Generating the C stubs of ${docs}" VERBATIM)
  add_executable(test_cgen_${name} ${CGEN_TEST_DIR}/${test_source}
    ${CGEN_RT_TEST_DIR}/test_server.c ${sources})
  set_source_files_properties(${sources} PROPERTIES COMPILE_OPTIONS "-Werror")
  target_include_directories(test_cgen_${name} PRIVATE ${out}/c/include ${CGEN_RT_TEST_DIR})
  target_link_libraries(test_cgen_${name} PRIVATE b24rt PkgConfig::MHD pthread)
  add_test(NAME cgen.${name} COMMAND test_cgen_${name})
  set_tests_properties(cgen.${name} PROPERTIES LABELS cgen TIMEOUT 60)
  find_program(CGEN_VALGRIND valgrind)
  if(CGEN_VALGRIND AND NOT B24_SANITIZE)
    add_test(NAME cgen.${name}.valgrind
      COMMAND ${CGEN_VALGRIND} --quiet --error-exitcode=99 --leak-check=full
              --errors-for-leak-kinds=definite,indirect --show-leak-kinds=definite,indirect
              $<TARGET_FILE:test_cgen_${name}>)
    set_tests_properties(cgen.${name}.valgrind PROPERTIES LABELS cgen TIMEOUT 120)
  endif()
endfunction()

cgen_stub_test(seed ${B24_ROOT}/docs-input test_seed.c "user_update;user_userfield_update")
cgen_stub_test(hostile ${B24_ROOT}/tests/data/cgen/hostile test_hostile.c
  "hostile_evil_method;hostile_evil_method_2;hostile_pair_get;hostile_pair_get_v3")

foreach(cc gcc clang)
  add_test(NAME cgen.hostile.compile.${cc}
    COMMAND sh ${CGEN_TEST_DIR}/compile_stubs.sh ${B24_BIN} ${B24_ROOT}/tests/data/cgen/hostile
            ${CMAKE_CURRENT_BINARY_DIR}/cgen-hostile-${cc} ${cc} ${B24_ROOT}/src/runtime)
  set_tests_properties(cgen.hostile.compile.${cc} PROPERTIES LABELS cgen SKIP_RETURN_CODE 77
    TIMEOUT 120)
  # The whole corpus: about 1,660 methods; -O0, two jobs, unity batches.
  add_test(NAME cgen.corpus.compile.${cc}
    COMMAND sh ${CGEN_TEST_DIR}/compile_stubs.sh ${B24_BIN} ${CGEN_CORPUS}
            ${CMAKE_CURRENT_BINARY_DIR}/cgen-corpus-${cc} ${cc} ${B24_ROOT}/src/runtime)
  set_tests_properties(cgen.corpus.compile.${cc} PROPERTIES LABELS "cgen;corpus"
    SKIP_RETURN_CODE 77 TIMEOUT 900)
endforeach()

add_test(NAME cgen.corpus.deterministic
  COMMAND sh ${CGEN_TEST_DIR}/deterministic.sh ${B24_BIN} ${CGEN_CORPUS}
          ${CMAKE_CURRENT_BINARY_DIR}/cgen-deterministic)
set_tests_properties(cgen.corpus.deterministic PROPERTIES LABELS "cgen;corpus"
  SKIP_RETURN_CODE 77 TIMEOUT 300)

# The generated C installed like a user installs it, and the generated example built
# against the package (pkg-config and find_package) and run against the mock. In a
# sanitizer build the installed runtime is instrumented: the programs are too.
set(CGEN_PROGRAM_FLAGS "")
if(B24_SANITIZE)
  set(CGEN_PROGRAM_FLAGS "-fsanitize=address,undefined")
endif()
add_test(NAME cgen.install.seed
  COMMAND sh ${CGEN_TEST_DIR}/install_api.sh ${B24_BIN} ${CMAKE_BINARY_DIR} ${B24_ROOT}/docs-input
          ${CMAKE_CURRENT_BINARY_DIR}/cgen-install-seed ${B24_ROOT}/generated/c/examples/example.c)
set_tests_properties(cgen.install.seed PROPERTIES LABELS cgen SKIP_RETURN_CODE 77 TIMEOUT 300
  ENVIRONMENT "CC=${CMAKE_C_COMPILER};EXTRA_CFLAGS=${CGEN_PROGRAM_FLAGS}")

foreach(docs seed hostile corpus)
  if(docs STREQUAL "seed")
    set(dir ${B24_ROOT}/docs-input)
    set(name cgen.cxx.seed)
  elseif(docs STREQUAL "hostile")
    set(dir ${B24_ROOT}/tests/data/cgen/hostile)
    set(name cgen.cxx.hostile)
  else()
    set(dir ${CGEN_CORPUS})
    set(name cgen.corpus.cxx)
  endif()
  add_test(NAME ${name}
    COMMAND sh ${CGEN_TEST_DIR}/cxx_include.sh ${B24_BIN} ${dir}
            ${CMAKE_CURRENT_BINARY_DIR}/cgen-cxx-${docs} ${B24_ROOT}/src/runtime g++)
  set_tests_properties(${name} PROPERTIES LABELS cgen SKIP_RETURN_CODE 77 TIMEOUT 600)
endforeach()

find_program(CGEN_CRM_VALGRIND valgrind)
set(CGEN_CRM_VALGRIND_ARG "")
if(CGEN_CRM_VALGRIND AND NOT B24_SANITIZE)
  set(CGEN_CRM_VALGRIND_ARG ${CGEN_CRM_VALGRIND})
endif()
add_test(NAME cgen.corpus.crm
  COMMAND sh ${CGEN_TEST_DIR}/install_api.sh ${B24_BIN} ${CMAKE_BINARY_DIR} ${CGEN_CORPUS}
          ${CMAKE_CURRENT_BINARY_DIR}/cgen-corpus-crm ${CGEN_TEST_DIR}/crm_program.c
          ${CGEN_CRM_VALGRIND_ARG})
set_tests_properties(cgen.corpus.crm PROPERTIES LABELS "cgen;corpus" SKIP_RETURN_CODE 77
  TIMEOUT 2400 ENVIRONMENT "CC=${CMAKE_C_COMPILER};EXTRA_CFLAGS=${CGEN_PROGRAM_FLAGS}")
