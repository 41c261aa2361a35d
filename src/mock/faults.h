/* Faults: each one makes the mock break one promise of the docs on purpose, so
 * that the conformance suite can be shown to catch it (`b24spec mock --fault`). */
#ifndef B24_MOCK_FAULTS_H
#define B24_MOCK_FAULTS_H

enum {
  MOCK_FAULT_WRONG_STATUS = 1 << 0,         /* success answered with another status */
  MOCK_FAULT_MISSING_RESULT_FIELD = 1 << 1, /* success answer without "result" */
  MOCK_FAULT_WRONG_FIELD_TYPE = 1 << 2,     /* "result" of another JSON type */
  MOCK_FAULT_UNDOCUMENTED_ERROR = 1 << 3,   /* every call fails with an undocumented code */
  MOCK_FAULT_SKIP_REQUIRED_CHECK = 1 << 4,  /* missing required params accepted */
  MOCK_FAULT_NO_TIME = 1 << 5,              /* answers without the "time" object */
  MOCK_FAULT_WRONG_CONTENT_TYPE = 1 << 6,   /* text/html instead of application/json */
  MOCK_FAULT_IGNORE_AUTH = 1 << 7,          /* any or no credentials accepted */
  MOCK_FAULT_LOSE_WRITES = 1 << 8,          /* update answers success but stores nothing */
  MOCK_FAULT_SKIP_TYPE_CHECK = 1 << 9,      /* params of the wrong type accepted */
};

typedef struct mock_fault_info {
  const char *name;
  unsigned bit;
  const char *promise; /* the promise it breaks, for --list-faults --verbose and docs */
} mock_fault_info;

extern const mock_fault_info mock_faults[];
extern const unsigned mock_n_faults;

/* The bit of a fault name, 0 when unknown. */
unsigned mock_fault_parse(const char *name);

#endif
