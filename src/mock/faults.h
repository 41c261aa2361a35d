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
  MOCK_FAULT_LIST_IGNORE_START = 1 << 10,   /* list answers the first page whatever start says */
  MOCK_FAULT_BATCH_IGNORE_HALT = 1 << 11,   /* batch runs every subquery whatever halt says */
  MOCK_FAULT_LIST_WRONG_TOTAL = 1 << 12,    /* list's "total" one more than there is */
  MOCK_FAULT_LIST_IGNORE_FILTER = 1 << 13,  /* list answers every object */
  MOCK_FAULT_LIST_IGNORE_SELECT = 1 << 14,  /* list answers every field */
  MOCK_FAULT_KEEP_ONE_OLD_VALUE = 1 << 15,  /* update stores all but the last field written */
  MOCK_FAULT_ERROR_STATUS_200 = 1 << 16,    /* errors answered with HTTP 200 */
  MOCK_FAULT_ACCEPT_OUT_OF_ENUM = 1 << 17,  /* values outside a documented enum accepted */
  MOCK_FAULT_LIST_DROP_NEXT = 1 << 18,      /* list answers without "next" */
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
