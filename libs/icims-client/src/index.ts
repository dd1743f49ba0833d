/** iCIMS REST client (issue 4). */
export {};
