"""发文: each office's 发文 settings and its register of 文号, and issuing a report as a 公文."""
