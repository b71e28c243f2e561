import { describe, expect, it } from 'vitest';
import { checkUploadedText } from '../src/modeler/file-check';
import { newDiagramXml } from '../src/modeler/new-diagram';

describe('checkUploadedText', () => {
  it('accepts BPMN 2.0 whatever the prefix', () => {
    expect(checkUploadedText(newDiagramXml('p'))).toBeUndefined();
    expect(checkUploadedText('<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"><process id="p"/></definitions>')).toBeUndefined();
  });

  it('refuses a file with a DTD', () => {
    expect(checkUploadedText('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "a">]><definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"/>'))
      .toBe('The file contains a DTD; BPMN files never need one.');
  });

  it('refuses a file that is not BPMN', () => {
    expect(checkUploadedText('{"this":"is json"}')).toBe('The file is not BPMN 2.0 XML.');
    expect(checkUploadedText('<svg xmlns="http://www.w3.org/2000/svg"/>')).toBe('The file is not BPMN 2.0 XML.');
  });
});
