/** Wizard step 1: the organisation (the first page of the paper book). */
import { Col, Form, Input, Row, Select, type FormInstance } from 'antd';
import { dateString, line, ORG_FORMS } from '../../db/contract';
import { DateField } from '../forms/date-field';
import { zodRule } from '../forms/zod-form';

const FORM_OPTIONS = Object.entries(ORG_FORMS).map(([value, label]) => ({ value, label }));

export function OrganisationStep({ form }: { form: FormInstance }) {
  return (
    <Form form={form} layout="vertical" data-testid="wizard-organisation-form" initialValues={{ form: 'work-group' }}>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="societyName" label="学会名称" rules={[zodRule(line(100), true)]}>
            <Input maxLength={100} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="orgName" label="党组织名称" rules={[zodRule(line(100), true)]}>
            <Input maxLength={100} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="form" label="组织形式" rules={[{ required: true, message: '请选择组织形式' }]}>
            <Select options={FORM_OPTIONS} aria-label="组织形式" />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="termStart" label="任期开始" rules={[zodRule(dateString, true)]} extra="与理事会任期相同">
            <DateField aria-label="任期开始" />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="termEnd" label="任期结束" rules={[zodRule(dateString, true)]}>
            <DateField aria-label="任期结束" />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="supervisingOffice" label="主管党组织" rules={[zodRule(line(100), true)]}>
            <Input maxLength={100} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="contactPerson" label="党建联系人" rules={[zodRule(line(50), true)]}>
            <Input maxLength={50} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item
            name="recorder"
            label="记录人"
            rules={[zodRule(line(50), true)]}
            extra="秘书处负责记录和保管的专人"
          >
            <Input maxLength={50} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name={['approval', 'docNo']} label="成立批复文号" extra="已取得主管党组织批复的，填写文号和日期">
            <Input maxLength={100} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name={['approval', 'date']} label="成立批复日期" rules={[zodRule(dateString)]}>
            <DateField aria-label="成立批复日期" />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="note" label="备注">
            <Input.TextArea maxLength={500} autoSize={{ minRows: 2 }} />
          </Form.Item>
        </Col>
      </Row>
    </Form>
  );
}
