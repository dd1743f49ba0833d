/** Field mapping between iCIMS and the HR system (issue 3). */
export {};
